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
      <figcaption className="code-block-header">
        <span className="code-block-title">{title ?? languageNames[lang] ?? lang}</span>
        {title ? <span className="code-block-lang">{languageNames[lang] ?? lang}</span> : null}
        <CopyButton />
      </figcaption>
      <pre className={className} {...pre}>
        {children}
      </pre>
    </figure>
  )
}
