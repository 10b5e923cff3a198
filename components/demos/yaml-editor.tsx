'use client'

import { useImperativeHandle, useRef, type ReactNode, type Ref } from 'react'
import './yaml-editor.css'

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
    parts.push(<mark key={i}>{marked || ' '}</mark>)
    at = span.start + marked.length
  }
  parts.push(source.slice(at))
  return <>{parts}</>
}

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
  return (
    <div className="yaml-box" style={{ ['--rows' as string]: rows }}>
      <div className="yaml-gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lineCount }, (_, i) => (
          <span key={i} data-error={errorLines.has(i + 1) ? '' : undefined}>
            {i + 1}
          </span>
        ))}
      </div>
      <div className="yaml-area">
        <pre className="yaml-backdrop" ref={backdrop} aria-hidden="true">
          <Highlights source={value} marks={marks} />
          {'\n'}
        </pre>
        <textarea
          id={id}
          ref={editor}
          className="yaml-input"
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
    <ul className="yaml-problems" aria-label={label}>
      {problems.map((problem, i) => (
        <li key={i} className={problem.severity === 'error' ? 'yaml-problem-error' : 'yaml-problem-warning'}>
          <p>{problem.text}</p>
          <button type="button" className="button yaml-select" onClick={() => onSelect(problem.mark)}>
            {problem.action}
          </button>
        </li>
      ))}
    </ul>
  )
}
