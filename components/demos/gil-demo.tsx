'use client'

import { useRef, useState } from 'react'
import { choice, int } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { Timeline, type TimelineLane } from '@/components/demo-kit/timeline'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { RunsTable, type RunsColumn } from '@/components/demo-kit/runs-table'
import { CoresStat, Stat, Stats } from '@/components/demo-kit/stats'
import { runGilLab, workloads, type GilMode, type StatusReader } from '@/workers/page/gil-lab'
import { WorkerState } from '@/workers/shared/gil'
import type { GilApi, GilSpan, Workload } from '@/workers/entry/gil.worker'
import { useLiveView } from '@/components/demo-kit/use-live-view'
import { milliseconds } from '@/lib/format'
import { cpuCount, maxContending } from '@/workers/limits'

const controls = {
  mode: choice({
    label: 'Run as',
    options: [
      { value: 'threads', label: 'threads (one shared GIL)' },
      { value: 'processes', label: 'processes (a GIL each)' },
    ],
    default: 'threads',
  }),
  workload: choice({
    label: 'Work',
    options: [
      { value: 'cpu', label: 'CPU-bound (computing)' },
      { value: 'io', label: 'I/O-bound (waiting)' },
      { value: 'mixed', label: 'mixed (one computing, the rest waiting on I/O)' },
    ],
    default: 'cpu',
  }),
  workers: int({ label: 'Workers', min: 1, max: maxContending, default: 2, help: 'Try 1 first, then 2 or more.' }),
}

type Live = { phase: string; mode: GilMode; status: { state: number; done: number }[]; shares: number[] }
type Run = { id: number; mode: GilMode; workload: Workload; workers: number; ms: number; speedup: number; gilWaitMs: number | null }

const runColumns: RunsColumn<Run>[] = [
  { label: 'Run as', cell: (run) => run.mode },
  { label: 'Work', cell: (run) => workloadText[run.workload] },
  { label: 'Workers', figure: true, cell: (run) => run.workers },
  { label: 'Time', figure: true, cell: (run) => milliseconds(run.ms) },
  { label: 'Speedup', figure: true, cell: (run) => `×${run.speedup.toFixed(2)}` },
  { label: 'GIL wait after I/O', figure: true, cell: (run) => (run.gilWaitMs === null ? '–' : `${run.gilWaitMs.toFixed(2)} ms`) },
]

const emptyLive = (): Live => ({ phase: '', mode: 'threads', status: [], shares: [] })
const stateText: Record<number, string> = {
  [WorkerState.Starting]: 'starting',
  [WorkerState.Running]: 'running Python',
  [WorkerState.WaitingForGil]: 'waiting for the GIL',
  [WorkerState.WaitingForIo]: 'waiting on I/O',
  [WorkerState.Finished]: 'finished',
}
/** A worker's left edge: who holds a GIL (thread or process), who waits on I/O, who is done. */
function workerEdge(state: number, mode: GilMode) {
  if (state === WorkerState.Running) return mode === 'processes' ? 'border-l-process' : 'border-l-thread'
  if (state === WorkerState.WaitingForIo) return 'border-l-io-wait'
  if (state === WorkerState.Finished) return 'border-l-success'
  return 'border-l-border'
}
/** A legend entry's colour swatch, before its text. */
const swatch = "before:mr-1.5 before:inline-block before:size-3.5 before:rounded-sm before:align-[-0.12rem] before:content-['']"
const workloadText = { cpu: 'CPU-bound', io: 'I/O-bound', mixed: 'mixed' } as const
/** Short: a lane's label has room for about 14 characters. */
const roleText = { cpu: 'CPU', io: 'I/O' } as const
const spanText: Record<GilSpan['kind'], string> = {
  run: 'holds the GIL, running',
  io: 'waiting on I/O, GIL released',
  gil: 'back from I/O, waiting for the GIL',
}
const spanTone = { io: 'var(--io-wait)', gil: 'var(--danger)' } as const
const rounded = (ms: number | null) => (ms === null ? null : Number(ms.toFixed(2)))
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`

/** What the run shows, in one sentence, for each kind of run. */
function lesson(mode: GilMode, workload: Workload, workers: number, cores: number) {
  if (workers === 1) {
    if (workload === 'mixed') return 'One I/O worker alone: the baseline the mixed runs are compared with.'
    return 'One worker alone: the baseline the others are compared with.'
  }
  if (workload === 'mixed') {
    if (mode === 'threads') return 'Each time an I/O thread’s wait ends, it must get the GIL back from the CPU-bound thread, so the I/O runs slower.'
    return 'Each process has its own GIL, so the CPU-bound one delays nobody’s I/O.'
  }
  if (workload === 'io') return 'A thread waiting on I/O does not hold the GIL, so the waits overlap.'
  if (mode === 'threads') return 'Only the thread holding the GIL computes; the others wait their turn.'
  return `Each process has its own GIL, so up to ${plural(cores, 'core')} compute at once on this device.`
}

/**
 * The GIL lab: the same total work on 1…8 workers that either share one GIL (threads) or have one
 * each (processes). The GIL is a real lock in a SharedArrayBuffer, handed over every 5 ms.
 */
export function GilDemo() {
  const { group, alive } = useWorkers<GilApi>(() => new Worker(new URL('../../workers/entry/gil.worker.ts', import.meta.url), { type: 'module', name: 'gil' }))
  const [running, setRunning] = useState(false)
  const [baselines, setBaselines] = useState<Partial<Record<Workload, number>>>({})
  const [lanes, setLanes] = useState<TimelineLane[]>([])
  const [history, setHistory] = useState<Run[]>([])
  const [handovers, setHandovers] = useState<number | null>(null)
  const status = useRef<StatusReader | null>(null)
  // Redrawn four times a second: every redraw takes main-thread time from the workers being timed.
  const { liveRef, view, reset, flush } = useLiveView(emptyLive, running, {
    refresh: (v) => (status.current ? { ...v, status: status.current() } : v),
  })

  const remember = (run: Omit<Run, 'id'>) => setHistory((prev) => [{ id: performance.now(), ...run }, ...prev].slice(0, 8))

  const demo = useDemo({
    id: 'gil',
    controls,
    requiresIsolation: true,
    run: async ({ mode, workload, workers }, { signal }) => {
      setRunning(true)
      setLanes([])
      setHandovers(null)
      const time = async (count: number, phase: string) => {
        reset({ phase, mode, status: [], shares: [] })
        const result = await runGilLab(
          group,
          { mode, workload, workers: count },
          {
            signal,
            onStart: (read, shares) => {
              status.current = read
              liveRef.current = { phase, mode, status: read(), shares }
            },
          },
        )
        liveRef.current = { ...liveRef.current, status: status.current?.() ?? [] }
        status.current = null
        flush()
        return result
      }
      try {
        let baseline = baselines[workload]
        const measureBaseline = workers > 1 && baseline === undefined
        // A speedup needs the time of one worker doing all of the work (for mixed, one I/O worker
        // alone): measure it first.
        const one = workload === 'mixed' ? 'one I/O worker alone' : '1 worker'
        const first = measureBaseline ? await time(1, `Timing ${one} first, the baseline…`) : null
        const noun = mode === 'threads' ? 'thread' : 'process'
        const result = await time(workers, `Timing ${plural(workers, noun)}…`)
        if (measureBaseline) {
          // Once more after the run, keeping the faster: a page that has only just loaded is often
          // still busy, and a baseline slowed by it would show a speedup that isn't there.
          const again = await time(1, `Timing ${one} again, to be sure of the baseline…`)
          baseline = Math.min(first!.ms, again.ms)
          setBaselines((prev) => ({ ...prev, [workload]: baseline }))
          for (const run of [first!, again]) remember({ mode, workload, workers: 1, ms: run.ms, speedup: baseline / run.ms, gilWaitMs: rounded(run.gilWaitMs) })
        }
        if (workers === 1) {
          baseline = Math.min(result.ms, baseline ?? Infinity)
          setBaselines((prev) => ({ ...prev, [workload]: baseline }))
        }
        const speedup = baseline! / result.ms
        const tone = mode === 'threads' ? 'var(--thread)' : 'var(--process)'
        setLanes(
          result.lanes.map((spans, w) => ({
            label: workload === 'mixed' ? `${noun} ${w + 1}: ${roleText[result.roles[w]!]}` : `${noun} ${w + 1}`,
            spans: spans.map((s) => ({ start: s.start, end: s.end, label: spanText[s.kind], tone: s.kind === 'run' ? tone : spanTone[s.kind] })),
          })),
        )
        setHandovers(result.handovers)
        const gilWaitMs = rounded(result.gilWaitMs)
        remember({ mode, workload, workers, ms: result.ms, speedup: workers === 1 ? 1 : speedup, gilWaitMs })
        const available = cpuCount()
        return {
          result: {
            mode,
            workload,
            workers,
            ms: Math.round(result.ms),
            speedup: Number(speedup.toFixed(2)),
            baselineMs: Math.round(baseline!),
            cores: available,
            gilWaitMs,
          },
          summary:
            `${plural(workers, noun)}, ${workloadText[workload]}: ${milliseconds(result.ms)}` +
            (workers === 1 ? '. ' : `, ×${speedup.toFixed(2)} the speed of ${workload === 'mixed' ? 'one I/O worker alone' : 'one'}. `) +
            lesson(mode, workload, workers, available) +
            (workload === 'mixed' && gilWaitMs !== null ? ` After each I/O wait, getting the GIL back took ${gilWaitMs.toFixed(2)} ms on average.` : ''),
        }
      } finally {
        status.current = null
        liveRef.current = { ...liveRef.current, phase: '' }
        flush()
        setRunning(false)
      }
    },
  })

  const baseline = baselines[demo.values?.workload ?? 'cpu']

  return (
    <DemoFrame
      demo={demo}
      title="The GIL lab"
      description={
        `The same total work every run — ${workloads.cpu.units.toLocaleString('en-US')} slices of computation, or ` +
        `${workloads.io.units} waits of ${workloads.io.ioMs} ms — split across the workers. Mixed: worker 1 computes while each of the others ` +
        `makes ${workloads.mixed.units} waits of ${workloads.mixed.ioMs} ms. As threads they share one GIL; as processes each has its own.`
      }
      runLabel="the lab"
    >
      <Stats>
        <CoresStat />
        <Stat label="Workers alive">{alive}</Stat>
        <Stat label="1-worker baseline">{baseline !== undefined && milliseconds(baseline)}</Stat>
        <Stat label="GIL handovers">{handovers}</Stat>
      </Stats>
      {view.phase ? (
        <div>
          <p className="mt-0 mb-2 font-semibold text-muted">{view.phase}</p>
          <ul className="m-0 grid list-none grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-1.5 p-0" aria-label="Each worker now">
            {view.status.map((s, w) => (
              <li
                key={w}
                data-state={s.state}
                data-mode={view.mode}
                className={`grid grid-cols-[auto_1fr] items-center gap-x-2.5 gap-y-1 rounded-md border border-l-5 border-border px-2.5 py-1.5 text-code ${workerEdge(s.state, view.mode)}`}
              >
                <span className="font-mono font-semibold">worker {w + 1}</span>
                <span className="text-right text-muted">{stateText[s.state]}</span>
                {/* No share (the mixed workload's CPU worker runs until the I/O is done): no end to show. */}
                <progress className="col-span-full h-2 w-full accent-accent" max={view.shares[w] || 1} value={view.shares[w] ? s.done : undefined} aria-label={`worker ${w + 1} progress`} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {lanes.length ? (
        <>
          <Timeline lanes={lanes} exact label="Who held a GIL when, and who waited on I/O, over the run" />
          <ul className="mt-2.5 mb-0 flex list-none flex-wrap gap-x-5 gap-y-1 p-0 text-small text-muted" aria-label="Legend">
            <li className={`${swatch} before:bg-thread`}>thread holds the shared GIL</li>
            <li className={`${swatch} before:bg-process`}>process holds its own GIL</li>
            <li className={`${swatch} before:bg-io-wait`}>waiting on I/O (GIL released)</li>
            {lanes.some((lane) => lane.spans.some((s) => s.label === spanText.gil)) ? (
              <li className={`${swatch} before:bg-danger`}>back from I/O, waiting for the GIL</li>
            ) : null}
          </ul>
        </>
      ) : null}
      <RunsTable runs={history} columns={runColumns} />
    </DemoFrame>
  )
}
