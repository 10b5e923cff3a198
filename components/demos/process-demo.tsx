'use client'

import { useRef, useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { choice, decimal } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { Process, type ProcessPhase } from '@/workers/page/process'
import type { Ending, Line, ProcessApi } from '@/workers/entry/process.worker'
import { useLiveView } from '@/components/demo-kit/use-live-view'

/** A phase of the process's life, as a pill; an arrow leads from one to the next, and the current one is lit. */
const phaseStep =
  "relative rounded-full border border-border bg-bg px-3.5 py-1.5 text-detail font-semibold text-muted not-first:ml-2.5 not-first:before:absolute not-first:before:-left-3.5 not-first:before:text-muted not-first:before:content-['→'] aria-[current=step]:border-process aria-[current=step]:bg-process-soft aria-[current=step]:text-text"

const controls = {
  seconds: decimal({ label: 'The child works for', min: 0.5, max: 10, default: 3, unit: 's' }),
  ending: choice({
    label: 'Then the target…',
    options: [
      { value: 'return', label: 'returns' },
      { value: 'raise', label: 'raises ValueError' },
      { value: 'exit', label: 'calls sys.exit(3)' },
    ],
    default: 'return',
  }),
}

type Entry = { at: number; who: 'parent' | 'child'; stream: Line['stream']; text: string }
type Live = { name: string; phase: ProcessPhase; alive: boolean; exitcode: number | null; log: Entry[] }

const pythonArg: Record<Ending, string> = { return: "'return'", raise: "'raise'", exit: "'exit'" }
const phases: { phase: ProcessPhase; label: string }[] = [
  { phase: 'initial', label: 'created' },
  { phase: 'started', label: 'started, alive' },
  { phase: 'stopped', label: 'stopped' },
]
const pyValue = (v: boolean | number | null) => (v === null ? 'None' : v === true ? 'True' : v === false ? 'False' : String(v))
const meaning = (code: number) =>
  code === 0 ? 'the target returned' : code === 1 ? 'the target raised an exception' : code < 0 ? `killed by signal ${-code} (SIGTERM)` : `sys.exit(${code})`

/** One worker as a Process: start, is_alive, join, terminate and exitcode, live. */
export function ProcessDemo() {
  const { group } = useWorkers<ProcessApi>(() => new Worker(new URL('../../workers/entry/process.worker.ts', import.meta.url), { type: 'module', name: 'process' }))
  const [running, setRunning] = useState(false)
  const current = useRef<Process | null>(null)
  const created = useRef(0)
  const startedAt = useRef(0)
  const { liveRef, view, flush, reset } = useLiveView<Live | null>(() => null, running)

  const demo = useDemo({
    id: 'process',
    controls,
    run: async ({ seconds, ending }, { signal }) => {
      const t0 = performance.now()
      startedAt.current = t0
      const name = `Process-${++created.current}`
      const log = (who: Entry['who'], text: string, stream: Line['stream'] = 'stdout') => {
        if (!liveRef.current) return
        liveRef.current = { ...liveRef.current, log: [...liveRef.current.log, { at: performance.now() - t0, who, stream, text }] }
      }
      // Mirrors the state onto the live view, and logs what the parent does, as it happens.
      const onChange = () => {
        const p = current.current
        if (!liveRef.current || !p) return
        liveRef.current = { ...liveRef.current, phase: p.phase, alive: p.isAlive(), exitcode: p.exitcode }
        if (p.phase === 'started') log('parent', 'p.start()  # a new worker runs work(); the parent goes on to p.join(), which waits')
        flush()
      }
      const onOutput = (line: Line) => log('child', line.text, line.stream)
      reset({ name, phase: 'initial', alive: false, exitcode: null, log: [] })
      log('parent', `p = Process(target=work, args=(${seconds}, ${pythonArg[ending]}))  # is_alive() False, exitcode None`)
      setRunning(true)
      try {
        // #region process
        const p = new Process(group, { name, args: { seconds, ending }, onOutput, onChange, signal })
        current.current = p
        p.start() // a new worker runs work(seconds, ending)
        await p.join() // waits until the child stops; the p.terminate() button stops it sooner
        const exitcode = p.exitcode! // 0, 1, 3 or -15
        // #endregion
        log('parent', `p.join() returned. p.is_alive() is False; p.exitcode is ${exitcode}: ${meaning(exitcode)}.`)
        flush()
        const took = (performance.now() - t0) / 1000
        return {
          result: { name, exitcode, alive: p.isAlive(), seconds: Number(took.toFixed(2)) },
          summary: `${name} stopped after ${took.toFixed(1)} s with exitcode ${exitcode}: ${meaning(exitcode)}.`,
        }
      } finally {
        current.current = null
        setRunning(false)
      }
    },
  })

  const terminate = () => {
    const p = current.current
    if (!p?.isAlive() || !liveRef.current) return
    const entry: Entry = { at: performance.now() - startedAt.current, who: 'parent', stream: 'stdout', text: 'p.terminate()  # SIGTERM: the worker ends now, mid-step' }
    liveRef.current = { ...liveRef.current, log: [...liveRef.current.log, entry] }
    p.terminate()
    flush()
  }

  return (
    <DemoFrame
      demo={demo}
      title="A Process, start to exit"
      description="Start a child process (a Web Worker) that prints a line every quarter second. Watch is_alive() and exitcode, join it, or terminate it mid-work."
      runLabel="p.start() and p.join()"
    >
      <div className="grid gap-4">
        <ol className="m-0 flex list-none flex-wrap gap-1.5 p-0" aria-label="Life of the process">
          {phases.map(({ phase, label }) => (
            <li key={phase} aria-current={view?.phase === phase ? 'step' : undefined} className={phaseStep}>
              {label}
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
          <Stats className="m-0 grow basis-96">
            <Stat label="p.name">{view?.name}</Stat>
            <Stat label="p.is_alive()">{view && pyValue(view.alive)}</Stat>
            <Stat label="p.exitcode">{view && pyValue(view.exitcode)}</Stat>
          </Stats>
          <button type="button" className="button" disabled={!running || !view?.alive} onClick={terminate}>
            p.terminate()
          </button>
        </div>
        {view?.log.length ? (
          <ol
            className="m-0 max-h-64 list-none overflow-auto rounded-box border border-border bg-bg px-3 py-2 font-mono text-caption"
            aria-label="What the parent did and the child printed" tabIndex={0}>
            {view.log.map((entry, i) => (
              <li key={i} data-who={entry.who} data-stream={entry.stream} className="grid grid-cols-[3.6rem_1fr] gap-2 py-0.5 sm:grid-cols-[4.2rem_6.5rem_1fr]">
                <span className="text-muted">{(entry.at / 1000).toFixed(2)} s</span>
                <span className={entry.who === 'child' ? 'text-process' : 'text-muted'}>{entry.who === 'parent' ? 'parent' : view.name}</span>
                <span className={`col-span-full sm:col-auto ${entry.stream === 'stderr' ? 'text-danger' : ''}`}>{entry.text}</span>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </DemoFrame>
  )
}
