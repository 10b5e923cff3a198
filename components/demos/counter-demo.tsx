'use client'

import { useState } from 'react'
import { choice, int } from '@/components/demo-kit/controls'
import { DemoFrame, type DemoSlots } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { RunsTable, type RunsColumn } from '@/components/demo-kit/runs-table'
import { Stat, Stats } from '@/components/demo-kit/stats'
import type { CounterMode } from '@/workers/counter.worker'
import { allocate, Barrier, Mutex } from '@/workers/sync'

const modes = [
  { value: 'unsafe', label: 'no lock' },
  { value: 'lock', label: 'with lock' },
  { value: 'atomic', label: 'Atomics.add' },
] as const satisfies readonly { value: CounterMode; label: string }[]

const controls = {
  mode: choice({ label: 'Increment', options: modes, default: 'unsafe' }),
  workers: int({ label: 'Workers', min: 1, max: 8, default: 4 }),
  increments: int({ label: 'Increments each', min: 1, max: 5_000_000, default: 1_000_000 }),
}

type Run = { id: number; mode: CounterMode; workers: number; expected: number; actual: number; ms: number }

const runColumns: RunsColumn<Run>[] = [
  { label: 'Increment', cell: (run) => modeLabel(run.mode) },
  { label: 'Workers', figure: true, cell: (run) => run.workers },
  { label: 'Expected', figure: true, cell: (run) => fmt(run.expected) },
  { label: 'Actual', figure: true, cell: (run) => fmt(run.actual) },
  { label: 'Lost', figure: true, cell: (run) => fmt(run.expected - run.actual), tone: (run) => (run.actual < run.expected ? 'text-[var(--danger)]' : undefined) },
  { label: 'Time', figure: true, cell: (run) => duration(run.ms) },
]

const fmt = (n: number) => n.toLocaleString('en-US')
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(part && part < whole / 1000 ? 3 : 1)}%`
const duration = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`
const modeLabel = (mode: CounterMode) => modes.find((m) => m.value === mode)!.label
const pollMs = 250

/**
 * The ThreadSafeCounter, for real: N workers increment one Int32 in a SharedArrayBuffer, all
 * starting at once behind a barrier. Without the lock updates go missing; with it the count is exact.
 */
export function CounterDemo({ code, differs }: DemoSlots) {
  const { group, alive } = useWorkers('counter')
  const [live, setLive] = useState<{ expected: number; actual: number } | null>(null)
  const [history, setHistory] = useState<Run[]>([])

  const demo = useDemo({
    id: 'counter',
    controls,
    requiresIsolation: true,
    run: async ({ mode, workers, increments }, { signal }) => {
      const expected = workers * increments
      const t0 = performance.now()
      const memory = allocate({ value: Int32Array.BYTES_PER_ELEMENT, lock: Mutex.bytes, start: Barrier.bytes })
      Mutex.create(memory.lock)
      Barrier.create(workers, memory.start)
      const value = new Int32Array(memory.value.buffer, memory.value.byteOffset, 1)
      setLive({ expected, actual: 0 })
      // The page may read shared memory any time; it must never block on it (no Atomics.wait here).
      const poll = setInterval(() => setLive({ expected, actual: Atomics.load(value, 0) }), pollMs)
      try {
        const spawned = Array.from({ length: workers }, () => group.spawn({ signal }))
        const spans = await Promise.all(spawned.map(({ api }) => api.run(mode, increments, memory)))
        const ms = Math.max(...spans.map((s) => s.end)) - Math.min(...spans.map((s) => s.start))
        const actual = Atomics.load(value, 0)
        const lost = expected - actual
        setLive({ expected, actual })
        setHistory((prev) => [{ id: t0, mode, workers, expected, actual, ms }, ...prev].slice(0, 6))
        const time = duration(ms)
        const summary =
          lost > 0
            ? `Lost ${fmt(lost)} of ${fmt(expected)} updates (${pct(lost, expected)}): the counter reads ${fmt(actual)}. Took ${time}.`
            : mode === 'unsafe'
              ? `No update lost this time (${fmt(actual)}), but nothing prevented it${workers === 1 ? ': one worker has no one to race' : ': run it again'}. Took ${time}.`
              : `Exact: ${fmt(actual)} of ${fmt(expected)}, in ${time}.`
        return { result: { expected, actual, ms: Math.round(ms) }, summary }
      } finally {
        clearInterval(poll)
        group.terminateAll()
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
      code={code}
      differs={differs}
    >
      <Stats>
        <Stat label="Expected">{live ? fmt(live.expected) : '–'}</Stat>
        <Stat label={done || !live ? 'Actual' : 'Counter now'}>{live ? fmt(live.actual) : '–'}</Stat>
        <Stat label="Lost updates" className={done && lost > 0 ? 'text-[var(--danger)]' : undefined}>{done && live ? fmt(lost) : '–'}</Stat>
        <Stat label="Time">{done && history[0] ? duration(history[0].ms) : '–'}</Stat>
        <Stat label="Workers alive">{alive}</Stat>
      </Stats>
      {live ? (
        <div
          role="meter"
          aria-label="Counter as a share of the expected total"
          aria-valuemin={0}
          aria-valuemax={live.expected}
          aria-valuenow={live.actual}
          aria-valuetext={`${fmt(live.actual)} of ${fmt(live.expected)}`}
          className="h-3 overflow-hidden rounded-full bg-[var(--surface-2)]"
        >
          <div
            className="h-full rounded-full bg-[var(--thread)] transition-[width] duration-200"
            style={{ width: `${Math.min(100, (100 * live.actual) / live.expected)}%` }}
          />
        </div>
      ) : null}
      <RunsTable runs={history} columns={runColumns} />
    </DemoFrame>
  )
}
