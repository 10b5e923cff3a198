'use client'

import { useImperativeHandle, useRef, type ReactNode, type Ref } from 'react'

/** A place in the text to mark: 1-based line and column, and how many characters. */
export type Mark = { line: number; column: number; length: number }

export type YamlEditorHandle = { select: (mark: Mark) => void }

type YamlEditorProps = {
  id: string
  value: string
  onChange: (value: string) => void
  /** Marked in the text; lines holding a mark in `errors` get a red line number. */
  marks: Mark[]
  errorLines: Set<number>
  disabled?: boolean
  invalid?: boolean
  describedBy?: string
  /** Visible lines. */
  rows?: number
  ref?: Ref<YamlEditorHandle>
}

const offsetOf = (source: string, { line, column }: Mark) =>
  source
    .split('\n')
    .slice(0, line - 1)
    .reduce((n, text) => n + text.length + 1, 0) +
  column -
  1

/** The text with each mark's span wrapped in <mark>, drawn behind the transparent textarea. */
function Highlights({ source, marks }: { source: string; marks: Mark[] }) {
  const spans = marks
    .map((mark) => {
      const start = Math.min(offsetOf(source, mark), source.length)
      return { start, end: Math.min(start + mark.length, source.length) }
    })
    .sort((a, b) => a.start - b.start)
  const parts: ReactNode[] = []
  let at = 0
  for (const [i, span] of spans.entries()) {
    if (span.start < at) continue
    parts.push(source.slice(at, span.start))
    // A mark at the end of a line (or of the text) still shows, as one highlighted space.
    const marked = source.slice(span.start, span.end).split('\n')[0]!
    parts.push(
      <mark key={i} className="rounded-xs bg-danger/22 text-transparent underline decoration-danger decoration-wavy underline-offset-3 [text-decoration-skip-ink:none]">
        {marked || ' '}
      </mark>,
    )
    at = span.start + marked.length
  }
  parts.push(source.slice(at))
  return <>{parts}</>
}

/** The text behind and the textarea in front: the same box, font and wrapping, so the marks line up. */
const layer = 'm-0 box-border w-full border-0 px-3 py-2.5 font-mono text-detail leading-6 whitespace-pre wrap-normal [tab-size:2]'

/**
 * A textarea for YAML with line numbers, and marks drawn in the text behind it (a textarea cannot
 * style its own characters). The layers share font, padding and scrolling, so the marks line up.
 */
export function YamlEditor({ id, value, onChange, marks, errorLines, disabled, invalid, describedBy, rows = 12, ref }: YamlEditorProps) {
  const editor = useRef<HTMLTextAreaElement>(null)
  const backdrop = useRef<HTMLPreElement>(null)
  const gutter = useRef<HTMLDivElement>(null)
  useImperativeHandle(ref, () => ({
    select(mark) {
      const area = editor.current!
      const start = offsetOf(value, mark)
      area.focus()
      area.setSelectionRange(start, Math.min(start + mark.length, value.length))
    },
  }))
  const syncScroll = () => {
    const { scrollTop, scrollLeft } = editor.current!
    backdrop.current!.scrollTop = scrollTop
    backdrop.current!.scrollLeft = scrollLeft
    gutter.current!.scrollTop = scrollTop
  }
  const lineCount = value.split('\n').length
  // Gutter, marks and textarea are all this tall: the visible lines and the padding above and below
  // them, unless a parent sets --editor-height (a challenge projected: all the room it has).
  const height = `var(--editor-height, calc(${rows} * 1.5rem + 1.25rem))`
  return (
    <div className="grid grid-cols-[auto_minmax(0,1fr)] overflow-hidden rounded-field border border-border bg-bg focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-accent has-aria-invalid:border-danger">
      <div
        className="flex flex-col overflow-hidden border-r border-border bg-surface-2 px-2 py-2.5 text-right font-mono text-detail leading-6 text-muted select-none"
        style={{ height }}
        ref={gutter}
        aria-hidden="true"
      >
        {Array.from({ length: lineCount }, (_, i) => (
          <span key={i} data-error={errorLines.has(i + 1) ? '' : undefined} className={`min-w-6 flex-none ${errorLines.has(i + 1) ? 'rounded-sm bg-danger font-bold text-bg' : ''}`}>
            {i + 1}
          </span>
        ))}
      </div>
      <div className="relative min-w-0">
        <pre className={`${layer} pointer-events-none absolute inset-0 overflow-hidden text-transparent`} style={{ height }} ref={backdrop} aria-hidden="true">
          <Highlights source={value} marks={marks} />
          {'\n'}
        </pre>
        <textarea
          id={id}
          ref={editor}
          className={`${layer} relative block resize-none overflow-auto bg-transparent text-text caret-text focus:outline-none`}
          style={{ height }}
          value={value}
          rows={rows}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onScroll={syncScroll}
        />
      </div>
    </div>
  )
}

/** One problem in the text, listed under the editor with a button that selects it. */
export type ListedProblem = { mark: Mark; severity: 'error' | 'warning'; text: ReactNode; action: string }

/** The problems found in the editor's text; each button selects its place in the text. */
export function YamlProblems({ label, problems, onSelect }: { label: string; problems: ListedProblem[]; onSelect: (mark: Mark) => void }) {
  if (!problems.length) return null
  return (
    <ul className="grid gap-2" aria-label={label}>
      {problems.map((problem, i) => (
        <li
          key={i}
          className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border-l-4 px-3.5 py-2.5 ${problem.severity === 'error' ? 'border-danger bg-danger-soft' : 'border-pitfall bg-pitfall-soft'}`}
        >
          <p className="m-0 grow basis-72 wrap-anywhere">{problem.text}</p>
          <button type="button" className="button button-small" onClick={() => onSelect(problem.mark)}>
            {problem.action}
          </button>
        </li>
      ))}
    </ul>
  )
}
