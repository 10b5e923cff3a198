'use client'

import { useId, useState } from 'react'
import { loadingText, usePython } from '@/components/demos/python/use-python'
import { YamlEditor } from '@/components/demos/yaml-editor'
import { useChallenge } from '@/components/mdx/challenge-client'
import { errorLine, type AsyncioCheck, type AsyncioVerdict } from './asyncio-check'
import { projected } from './challenge-form'
// Each challenge's starting program, a Python file of its own (CPython runs them in the tests).
import blocking from './asyncio-start/blocking.py'
import overlap from './asyncio-start/overlap.py'
import semaphore from './asyncio-start/semaphore.py'
import timeout from './asyncio-start/timeout.py'

const starts: Record<AsyncioCheck, string> = { overlap, blocking, timeout, semaphore }

type Props = {
  /** Which judge in asyncio_challenges.py checks it; its program starts as asyncio-start/<check>.py. */
  check: AsyncioCheck
  rows?: number
}

/**
 * Longest a check may take in real time once Python has loaded. The judge stops runaway Python
 * itself (steps, turns of the loop, its clock); this catches what it cannot, such as one long
 * computation in C (`sum(range(10**12))`): the worker is then terminated.
 */
const maxSeconds = 20

/**
 * "Code, checked by real CPython": the learner edits an asyncio program, and Check runs it in the
 * Python worker (Pyodide) on a virtual clock, where `asyncio.sleep(1)` takes no real time but one
 * second on the loop's clock, and judges what it printed, how long it took on that clock, and what
 * its requests did.
 */
export function WriteAsyncio({ check, rows }: Props) {
  const start = starts[check]
  const id = useId()
  const { attempt } = useChallenge()
  const python = usePython()
  const [source, setSource] = useState(start)
  const [checking, setChecking] = useState(false)
  const [last, setLast] = useState<AsyncioVerdict | null>(null)
  const line = errorLine(last?.traceback ?? null)

  async function judge() {
    const { api } = await python.start()
    let timer = 0
    const stopped = new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => {
        python.stop()
        reject(new Error(`Stopped after ${maxSeconds} s of real time: the program computes for too long without waiting. Python restarts on the next check.`))
      }, maxSeconds * 1000)
    })
    try {
      return await Promise.race([api.judge(check, source, start), stopped])
    } finally {
      window.clearTimeout(timer)
    }
  }

  return (
    <form
      className={`not-prose mt-3 grid gap-2 ${projected.form}`}
      onSubmit={(event) => {
        event.preventDefault()
        if (checking) return
        setChecking(true)
        judge().then(
          (verdict) => {
            setLast(verdict)
            attempt({ solved: verdict.solved, message: verdict.message })
          },
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error)
            setLast({ solved: false, message, stdout: '', traceback: null, seconds: null })
            attempt({ solved: false, message })
          },
        ).finally(() => setChecking(false))
      }}
    >
      <label htmlFor={`${id}-code`} className="control-label">
        Your Python
      </label>
      <div className={projected.editor}>
        <YamlEditor
          id={`${id}-code`}
          value={source}
          onChange={setSource}
          marks={line ? [{ line, column: 1, length: (source.split('\n')[line - 1] ?? '').length }] : []}
          errorLines={new Set(line ? [line] : [])}
          invalid={line !== null}
          describedBy={last ? `${id}-ran` : undefined}
          rows={rows ?? Math.min(start.split('\n').length + 1, 24)}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="button button-primary" disabled={checking}>
          {checking ? 'Checking…' : 'Check'}
        </button>
        {source !== start ? (
          <button type="button" className="button" disabled={checking} onClick={() => setSource(start)}>
            Start again
          </button>
        ) : null}
        {python.progress ? (
          <span className="text-sm" role="status">
            {loadingText(python.progress)}
          </span>
        ) : null}
      </div>
      {last && (last.stdout || last.traceback) ? (
        <section id={`${id}-ran`} aria-label="What it printed" className="presenter:lg:shrink-0">
          <p className="m-0 text-sm">
            It printed{last.seconds !== null ? ` (${last.seconds.toFixed(1)} s on the event loop's clock)` : ''}:
          </p>
          <pre className="demo-log mt-1.5 mb-0 max-h-96 min-h-20 overflow-auto presenter:lg:max-h-36" tabIndex={0}>
            {last.stdout}
            {last.traceback ? <span data-stream="stderr" className="text-danger">{last.traceback.join('\n')}</span> : null}
          </pre>
        </section>
      ) : null}
    </form>
  )
}
