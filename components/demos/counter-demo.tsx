'use client'

import { useRef, useState } from 'react'
import { choice, int } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { RunsTable, type RunsColumn } from '@/components/demo-kit/runs-table'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { runCounter } from '@/workers/page/counter'
import type { CounterApi, CounterMode, Interpreter } from '@/workers/entry/counter.worker'
import { interpreterHelp, interpreters } from './interpreters'
import { count, milliseconds, percent } from '@/lib/format'
import { maxContending } from '@/workers/limits'
import { useLiveView } from '@/components/demo-kit/use-live-view'

const modes = [
  { value: 'unsafe', label: 'no lock' },
  { value: 'lock', label: 'with lock' },
  { value: 'atomic', label: 'Atomics.add' },
] as const satisfies readonly { value: CounterMode; label: string }[]

const controls = {
  interpreter: choice({
    label: 'Interpreter',
    options: interpreters,
    default: 'gil',
    help: interpreterHelp,
  }),
  mode: choice({ label: 'Increment', options: modes, default: 'unsafe' }),
  workers: int({ label: 'Workers', min: 1, max: maxContending, default: 4 }),
  increments: int({ label: 'Increments each', min: 1, max: 5_000_000, default: 1_000_000 }),
}

type Run = { id: number; interpreter: Interpreter; mode: CounterMode; workers: number; expected: number; actual: number; ms: number }

const runColumns: RunsColumn<Run>[] = [
  { label: 'Interpreter', cell: (run) => shortInterpreter[run.interpreter] },
  { label: 'Increment', cell: (run) => modeLabel(run.mode) },
  { label: 'Workers', figure: true, cell: (run) => run.workers },
  { label: 'Expected', figure: true, cell: (run) => count(run.expected) },
  { label: 'Actual', figure: true, cell: (run) => count(run.actual) },
  { label: 'Lost', figure: true, cell: (run) => count(run.expected - run.actual), tone: (run) => (run.actual < run.expected ? 'text-danger' : undefined) },
  { label: 'Time', figure: true, cell: (run) => milliseconds(run.ms) },
]

const modeLabel = (mode: CounterMode) => modes.find((m) => m.value === mode)!.label
const shortInterpreter: Record<Interpreter, string> = { gil: 'GIL', 'gil-call': 'GIL, call inside', 'free-threaded': 'free-threaded' }

type Count = { expected: number; actual: number }

/** Why the count came out as it did, in the words of the interpreter the workers stood in for. */
function explain(interpreter: Interpreter, mode: CounterMode, workers: number, lost: number): string {
  if (lost > 0) {
    return interpreter === 'gil-call'
      ? 'The GIL changed hands at the call to add_one, after a read and before its write, as it does in CPython.'
      : 'Free-threaded workers run at once: one reads while another is between its read and its write.'
  }
  if (mode !== 'unsafe') return ''
  if (workers === 1) return 'One worker has no one to race.'
  if (interpreter === 'gil') {
    return 'With the GIL, no switch can land between the read and the write of a bare +=, so CPython 3.10 and later prints this too: luck of where it switches, not a promise.'
  }
  return 'Nothing prevented a lost update: run it again.'
}

/**
 * The counter of counter.py, for real: N workers run the increment loop's bytecode on one Int32 in a
 * SharedArrayBuffer, all starting at once. With the GIL model they hand it over only where CPython
 * does, so the bare += comes out exact, as counter.py prints; a call inside the increment, or no
 * GIL at all, loses updates. With the lock the count is always exact.
 */
export function CounterDemo() {
  const { group, alive } = useWorkers<CounterApi>(() => new Worker(new URL('../../workers/entry/counter.worker.ts', import.meta.url), { type: 'module', name: 'counter' }))
  const [history, setHistory] = useState<Run[]>([])
  const [running, setRunning] = useState(false)
  const look = useRef<(() => Count) | null>(null)
  // The counter is read from shared memory a few times a second while the workers run.
  const { view: live, reset: setLive } = useLiveView<Count | null>(() => null, running, { refresh: (v) => look.current?.() ?? v })

  const demo = useDemo({
    id: 'counter',
    controls,
    requiresIsolation: true,
    run: async ({ interpreter, mode, workers, increments }, { signal }) => {
      const t0 = performance.now()
      try {
        const { expected, actual, ms } = await runCounter(group, { interpreter, mode, workers, increments }, {
          signal,
          onStart: (read) => {
            look.current = () => ({ expected: workers * increments, actual: read() })
            setLive(look.current())
            setRunning(true)
          },
        })
        const lost = expected - actual
        setLive({ expected, actual })
        setHistory((prev) => [{ id: t0, interpreter, mode, workers, expected, actual, ms }, ...prev].slice(0, 6))
        const time = milliseconds(ms)
        const why = explain(interpreter, mode, workers, lost)
        const summary =
          lost > 0
            ? `Lost ${count(lost)} of ${count(expected)} updates (${percent(lost, expected)}): the counter reads ${count(actual)}. ${why} Took ${time}.`
            : `Exact: ${count(actual)} of ${count(expected)}, in ${time}.${why ? ` ${why}` : ''}`
        return { result: { interpreter, expected, actual, ms: Math.round(ms) }, summary }
      } finally {
        look.current = null
        setRunning(false)
      }
    },
  })

  const lost = live ? live.expected - live.actual : 0
  const done = demo.state === 'done'

  return (
    <DemoFrame
      demo={demo}
      title="One counter, many threads"
      description="Every worker adds 1 to the same shared integer, many times over, all starting at the same moment. Does the total come out right?"
      runLabel="the increments"
    >
      <Stats>
        <Stat label="Expected">{live && count(live.expected)}</Stat>
        <Stat label={done || !live ? 'Actual' : 'Counter now'}>{live && count(live.actual)}</Stat>
        <Stat label="Lost updates" className={done && lost > 0 ? 'text-danger' : undefined}>{done && live && count(lost)}</Stat>
        <Stat label="Time">{done && history[0] && milliseconds(history[0].ms)}</Stat>
        <Stat label="Workers alive">{alive}</Stat>
      </Stats>
      {live ? (
        <div
          role="meter"
          aria-label="Counter as a share of the expected total"
          aria-valuemin={0}
          aria-valuemax={live.expected}
          aria-valuenow={live.actual}
          aria-valuetext={`${count(live.actual)} of ${count(live.expected)}`}
          className="h-3 overflow-hidden rounded-full bg-surface-2"
        >
          <div
            className="h-full rounded-full bg-thread transition-[width] duration-200"
            style={{ width: `${Math.min(100, (100 * live.actual) / live.expected)}%` }}
          />
        </div>
      ) : null}
      <RunsTable runs={history} columns={runColumns} />
    </DemoFrame>
  )
}
