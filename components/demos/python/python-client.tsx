'use client'

import { proxy } from 'comlink'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { DemoControl } from '@/components/demo-kit/control-field'
import { choice } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import type { Stream } from '@/workers/entry/python.worker'
import { pythonExampleIds, pythonExamples, whyNot, type PythonExampleId } from './examples'
import { loadingText, usePython } from './use-python'

const controls = {
  example: choice({
    label: 'Program',
    options: pythonExampleIds.map((id) => ({ value: id, label: pythonExamples[id].label })),
    default: 'gather',
  }),
}

/** Longest program the editor accepts. */
const maxCode = 20_000

export type PythonResult = { stdout: string; ms: number; loadMs: number }
type Line = { stream: Stream; text: string }
type Editor = { example: PythonExampleId; text: string }

/** Set once Python has started on this device: a later visit starts it as the demo comes near. */
const startedKey = 'concurrency-lab:python-started'

const isExample = (raw: string): raw is PythonExampleId => (pythonExampleIds as string[]).includes(raw)

/**
 * CPython in a Web Worker (Pyodide), running the program in the editor. Python starts when the
 * learner reaches for the demo (pointer or focus in it), or on Run; on a later visit, once it is
 * near the viewport, since the browser already keeps Python's files.
 */
export function PythonClient({ sources }: { sources: Record<PythonExampleId, string> }) {
  // One worker serves run after run, so Python loads once; Stop terminates it.
  const { start, progress } = usePython()
  const [editor, setEditor] = useState<Editor>({ example: 'gather', text: sources.gather })
  const editorRef = useRef(editor)
  const [lines, setLines] = useState<Line[]>([])
  const [version, setVersion] = useState<string | null>(null)
  const editorId = useId()
  const output = useRef<HTMLElement>(null)

  const started = useCallback((info: { python: string; pyodide: string }) => {
    setVersion(`Python ${info.python} (Pyodide ${info.pyodide})`)
    try {
      localStorage.setItem(startedKey, info.pyodide)
    } catch {
      // Storage may be off; the next visit then waits for the learner, as the first did.
    }
  }, [])

  /** Starts Python ahead of a run; a run that comes meanwhile waits for the same load. */
  const prepare = useCallback(() => {
    start().then(started, () => {
      // Left to the next run, which starts Python again and reports what goes wrong.
    })
  }, [start, started])

  useEffect(() => {
    const root = output.current?.closest<HTMLElement>('[data-demo]')
    if (!root) return
    const reach = () => prepare()
    root.addEventListener('pointerover', reach, { once: true })
    root.addEventListener('focusin', reach, { once: true })
    let near: IntersectionObserver | null = null
    const before = (() => {
      try {
        return localStorage.getItem(startedKey) !== null
      } catch {
        return false
      }
    })()
    if (before) {
      near = new IntersectionObserver(
        (entries, observer) => {
          if (!entries.some((entry) => entry.isIntersecting)) return
          observer.disconnect()
          prepare()
        },
        { rootMargin: '50% 0px' },
      )
      near.observe(root)
    }
    return () => {
      root.removeEventListener('pointerover', reach)
      root.removeEventListener('focusin', reach)
      near?.disconnect()
    }
  }, [prepare])

  const demo = useDemo({
    id: 'python',
    controls,
    run: async ({ example }, { signal }) => {
      const current = editorRef.current.example === example ? editorRef.current.text : sources[example]
      if (current.length > maxCode) throw new Error(`The program is ${current.length.toLocaleString('en-US')} characters; the limit is ${maxCode.toLocaleString('en-US')}.`)
      const printed: Line[] = []
      let frame = 0
      setLines([])
      const { api, waitedMs: loadMs, ...info } = await start(signal)
      started(info)
      const outcome = await api.run(
        current,
        proxy((stream: Stream, text: string) => {
          printed.push({ stream, text })
          cancelAnimationFrame(frame)
          frame = requestAnimationFrame(() => setLines([...printed]))
        }),
      )
      cancelAnimationFrame(frame)
      setLines([...printed])
      if (outcome.error) {
        const why = whyNot(outcome.error.message)
        throw new Error(why ? `${outcome.error.message} — ${why}` : outcome.error.message)
      }
      const stdout = printed.filter((l) => l.stream === 'stdout').map((l) => l.text).join('\n')
      const ms = Math.round(outcome.ms)
      return {
        result: { stdout, ms, loadMs: Math.round(loadMs) } satisfies PythonResult,
        summary:
          `The program ran in ${(ms / 1000).toFixed(2)} s` +
          (loadMs ? ` after Python loaded in ${(loadMs / 1000).toFixed(1)} s` : '') +
          `${outcome.truncated ? '; its output was cut short' : ''}.`,
      }
    },
  })
  const running = demo.state === 'running'

  // A preset link (?demo=python&example=threads) or a new pick loads that example's code.
  const picked = demo.raws.example
  useEffect(() => {
    if (!isExample(picked) || editorRef.current.example === picked) return
    const next = { example: picked, text: sources[picked] }
    editorRef.current = next
    setEditor(next)
  }, [picked, sources])

  function edit(text: string) {
    const next = { ...editorRef.current, text }
    editorRef.current = next
    setEditor(next)
  }

  const tooLong = editor.text.length > maxCode
  const edited = editor.text !== sources[editor.example]

  return (
    <DemoFrame
      demo={demo}
      title="Run the real Python"
      description="CPython 3.14, compiled to WebAssembly (Pyodide), in a Web Worker. It downloads from this site when you first reach for this demo and starts from a snapshot of the interpreter; the browser keeps both for later visits."
      runLabel="the Python"
      controls={
        <>
          <DemoControl demo={demo} name="example" disabled={running} />
          <div className="control control-text" data-control="code">
            <label htmlFor={editorId} className="control-label">
              Python code{' '}
              <span className="control-range">(edit it; Ctrl+Enter runs)</span>
            </label>
            <textarea
              id={editorId}
              value={editor.text}
              rows={Math.min(Math.max(editor.text.split('\n').length, 8), 32)}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              disabled={running}
              aria-invalid={tooLong ? true : undefined}
              aria-describedby={tooLong ? `${editorId}-error` : undefined}
              onChange={(event) => edit(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault()
                  if (!tooLong) void demo.run()
                }
              }}
              className="control-input control-textarea overflow-x-auto text-code whitespace-pre [tab-size:4]"
            />
            {tooLong ? (
              <p id={`${editorId}-error`} className="control-error">
                Too long: {editor.text.length.toLocaleString('en-US')} characters; the limit is {maxCode.toLocaleString('en-US')}.
              </p>
            ) : null}
            {edited ? (
              <button type="button" className="button justify-self-start" disabled={running} onClick={() => edit(sources[editor.example])}>
                Put back the example
              </button>
            ) : null}
          </div>
        </>
      }
    >
      {progress ? (
        <div className="mb-4 grid gap-1.5 font-semibold">
          <label htmlFor={`${editorId}-progress`}>
            {loadingText(progress)}
          </label>
          <progress className="h-3 w-full accent-async" id={`${editorId}-progress`} max={progress.total} value={progress.phase === 'download' ? progress.loaded : undefined} />
        </div>
      ) : null}
      <section ref={output} aria-labelledby={`${editorId}-out`} className="demo-box">
        <h4 id={`${editorId}-out`} className="demo-label m-0 flex flex-wrap items-baseline gap-x-3 gap-y-1">
          Output {version ? <span className="font-medium tracking-normal normal-case">{version}</span> : null}
        </h4>
        <pre className="demo-log mt-1.5 mb-0 max-h-96 min-h-20 overflow-auto" role="log" tabIndex={0}>
          {lines.length
            ? lines.map((line, i) => (
                <span key={i} data-stream={line.stream} className={line.stream === 'stderr' ? 'text-danger' : undefined}>
                  {line.text}
                  {'\n'}
                </span>
              ))
            : running
              ? ' '
              : 'Nothing yet: run the program.'}
        </pre>
      </section>
    </DemoFrame>
  )
}
