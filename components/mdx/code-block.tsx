import type { ComponentProps, ReactElement, ReactNode } from 'react'
import { isValidElement } from 'react'
import { CopyButton } from './copy-button'

const languageNames: Record<string, string> = {
  python: 'Python',
  py: 'Python',
  typescript: 'TypeScript',
  ts: 'TypeScript',
  tsx: 'TSX',
  javascript: 'JavaScript',
  js: 'JavaScript',
  yaml: 'YAML',
  yml: 'YAML',
  json: 'JSON',
  bash: 'Shell',
  sh: 'Shell',
  text: 'Text',
  console: 'Terminal',
}

function languageOf(children: ReactNode): string | undefined {
  if (!isValidElement(children)) return undefined
  const className = (children as ReactElement<{ className?: string }>).props.className ?? ''
  return /language-(\S+)/.exec(className)?.[1]
}

type CodeBlockProps = ComponentProps<'pre'> & { language?: string; title?: string }

/** Every highlighted block: a figure with its language (or file name), a copy button and the code. */
export function CodeBlock({ children, language, title, className, ...pre }: CodeBlockProps) {
  const lang = language ?? languageOf(children) ?? 'text'
  return (
    <figure className="code-block not-prose">
      <figcaption className="flex min-h-[2.4rem] items-center gap-3 border-b border-border py-[0.3rem] pr-2 pl-4 text-tag text-muted">
        <span className="min-w-0 font-mono font-semibold wrap-anywhere">{title ?? languageNames[lang] ?? lang}</span>
        {/* The language, or else the copy button, sits at the right. */}
        {title ? <span className="ml-auto">{languageNames[lang] ?? lang}</span> : null}
        <CopyButton className={title ? undefined : 'ml-auto'} />
      </figcaption>
      <pre className={`${className ?? ''} m-0 overflow-x-auto px-[1.1rem] py-4 font-mono text-code leading-[1.65] [tab-size:4]`} {...pre}>
        {children}
      </pre>
    </figure>
  )
}
