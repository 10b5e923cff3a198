'use client'

import { useMemo, useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { int } from '@/components/demo-kit/controls'
import type { TimelineSpan } from '@/components/demo-kit/timeline'
import { emptyLanes, liveAxis, LiveLanes } from '@/components/demo-kit/live-lanes'
import { useCores } from '@/components/demo-kit/use-cores'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { CoresStat, Stat, Stats } from '@/components/demo-kit/stats'
import { Pool, type ChunkEvent } from '@/workers/page/pool'
import { sharedNow } from '@/workers/inside/pool-tasks'
import type { PoolApi, PoolTasks } from '@/workers/entry/pool.worker'
import { idealSpeedup, SpeedupChart, type SpeedupPoint } from './speedup-chart'
import { afterNextPaint, useLiveStore } from '@/components/demo-kit/use-live-view'
import { cpuCount, maxWorkers } from '@/workers/limits'

// The job: count the primes below BLOCKS × BLOCK_SIZE, one block per item. The same at every worker count.
const BLOCKS = 64
const BLOCK_SIZE = 100_000
const LIMIT = BLOCKS * BLOCK_SIZE
const range = (n: number) => Array.from({ length: n }, (_, i) => i)
/**
 * Largest first: bigger numbers take longer to test, so the last block costs about six times the
 * first. Ending on the small ones leaves no worker waiting long for another to finish.
 */
const LARGEST_FIRST = range(BLOCKS).reverse()

/** Workers go up to twice the cores, to show that more workers than cores gain nothing (maxWorkers until the page knows). */
const controlsFor = (cores: number | null) => ({
  workers: int({ label: 'Workers', min: 1, max: cores ? 2 * cores : maxWorkers, default: 2, help: 'Try 1, then more, up to twice your cores.' }),
  chunksize: int({ label: 'chunksize', min: 1, max: BLOCKS, default: 1, help: `Blocks a worker takes at a time, of ${BLOCKS}. Big chunks can leave workers idle at the end.` }),
})

type History = { chunksize: number; points: SpeedupPoint[] }

const tones = ['var(--process)', 'color-mix(in srgb, var(--process) 55%, var(--bg))']
function record(history: History, workers: number, ms: number): History {
  const old = history.points.find((p) => p.workers === workers)
  const point = old ? { workers, ms: Math.min(old.ms, ms), runs: old.runs + 1 } : { workers, ms, runs: 1 }
  return { ...history, points: [...history.points.filter((p) => p.workers !== workers), point] }
}

/** The same CPU-bound job on 1…2×cores workers: timeline lanes per worker and the speedup so far. */
export function PoolSpeedupDemo() {
  const { group, alive } = useWorkers<PoolApi>(() => new Worker(new URL('../../workers/entry/pool.worker.ts', import.meta.url), { type: 'module', name: 'pool' }))
  const cores = useCores()
  const controls = useMemo(() => controlsFor(cores), [cores])
  const [history, setHistory] = useState<History>({ chunksize: 1, points: [] })
  const [running, setRunning] = useState(false)
  const board = useLiveStore(emptyLanes)
  const { live: liveRef, flush, reset } = board

  /**
   * Runs the whole job once on a fresh pool of `workers`; times the computing only, from the moment
   * every worker is ready. `estimate` (ms), when known, sizes the timeline's axis up front.
   */
  async function timeJob(workers: number, chunksize: number, phase: string, signal: AbortSignal, estimate: number | null = null) {
    const created = performance.now()
    const pool = new Pool<PoolTasks>(group, { size: workers, signal, initializer: { task: 'warmUp', args: [100_000] } })
    try {
      await pool.ready()
      const startupMs = performance.now() - created
      const drawn = sharedNow()
      reset({ lanes: range(workers).map((w) => ({ label: `worker ${w + 1}`, spans: [] })), t0: drawn, now: drawn, running: true, axis: estimate, phase })
      // Draw the empty lanes first: the clock starts when the workers have the cores to themselves.
      await afterNextPaint()
      const t0 = sharedNow()
      liveRef.current = { ...liveRef.current, t0, now: t0 }
      const setSpan = (worker: number, span: TimelineSpan) => {
        const lanes = liveRef.current.lanes.map((lane, w) =>
          w === worker ? { ...lane, spans: [...lane.spans.filter((s) => s.label !== span.label), span] } : lane,
        )
        liveRef.current = { ...liveRef.current, lanes, now: sharedNow() }
      }
      let busyMs = 0
      const drawChunk = (chunk: ChunkEvent) => {
        const blocks = LARGEST_FIRST.slice(chunk.first, chunk.first + chunk.count)
        const label = blocks.length === 1 ? `block ${blocks[0]}` : `blocks ${blocks[0]}–${blocks.at(-1)}`
        const tone = tones[chunk.chunk % 2]
        if (chunk.type === 'start') return setSpan(chunk.worker, { start: chunk.at - t0, label, tone })
        busyMs += chunk.end - chunk.start
        setSpan(chunk.worker, { start: chunk.start - t0, end: chunk.end - t0, label, tone })
      }
      // #region speedup
      const countPrimes = pool.partial('countPrimes', BLOCK_SIZE)
      const counts = await pool.map(countPrimes, LARGEST_FIRST, { chunksize, onChunk: drawChunk })
      const ms = sharedNow() - t0
      // #endregion
      liveRef.current = { ...liveRef.current, now: t0 + ms, running: false, axis: null, phase: '' }
      flush()
      return { ms, total: counts.reduce((a, b) => a + b, 0), startupMs, busyMs }
    } finally {
      pool.terminate()
    }
  }

  const demo = useDemo({
    id: 'pool-speedup',
    controls,
    run: async ({ workers, chunksize }, { signal }) => {
      setRunning(true)
      try {
        let known = history.chunksize === chunksize ? history : { chunksize, points: [] }
        if (workers !== 1 && !known.points.some((p) => p.workers === 1)) {
          // A speedup needs a one-worker time with the same chunksize: measure it first.
          const baseline = await timeJob(1, chunksize, 'Timing 1 worker first, the baseline…', signal)
          known = record(known, 1, baseline.ms)
          setHistory(known)
        }
        const baselineMs = known.points.find((p) => p.workers === 1)?.ms
        const estimate = baselineMs ? liveAxis(null, baselineMs / Math.min(workers, cpuCount())) : null
        const { ms, total, startupMs, busyMs } = await timeJob(workers, chunksize, `Timing ${workers} worker${workers === 1 ? '' : 's'}…`, signal, estimate)
        known = record(known, workers, ms)
        setHistory(known)
        const oneWorker = known.points.find((p) => p.workers === 1)!.ms
        const speedup = oneWorker / ms
        const available = cpuCount()
        const ideal = idealSpeedup(workers, available)
        return {
          result: {
            workers,
            ms: Math.round(ms),
            total,
            speedup: Number(speedup.toFixed(2)),
            ideal,
            cores: available,
            startupMs: Math.round(startupMs),
            // Time the workers spent inside chunks, summed: the rest of workers × ms went to handing chunks over.
            busyMs: Math.round(busyMs),
          },
          summary:
            `${workers} worker${workers === 1 ? '' : 's'} counted ${total.toLocaleString('en-US')} primes below ` +
            `${LIMIT.toLocaleString('en-US')} in ${Math.round(ms)} ms` +
            (workers === 1 ? '. That is the baseline.' : `: ×${speedup.toFixed(2)} the speed of 1 worker (ideal ×${ideal}).`) +
            // Measurement noise, and worth saying so: a baseline taken while the page was still loading runs slow.
            (speedup > ideal * 1.05
              ? ' That beats the ideal, so the 1-worker time was probably slowed by something else, such as the page still loading. Run 1 worker again: the chart keeps the best time.'
              : ''),
        }
      } finally {
        // After Stop too: the timeline keeps what ran, without a phase still "timing".
        liveRef.current = { ...liveRef.current, running: false, axis: null, phase: '' }
        flush()
        setRunning(false)
      }
    },
  })

  return (
    <DemoFrame
      demo={demo}
      title="Pool speedup"
      description={`Count the primes below ${LIMIT.toLocaleString('en-US')}, split into ${BLOCKS} blocks, with 1, 2, 4… workers. The work is the same every time; only the number of workers changes.`}
      runLabel="the job"
    >
      <Stats>
        <CoresStat />
        <Stat label="Workers alive">{alive}</Stat>
      </Stats>
      <LiveLanes store={board} running={running} label="Which worker computed which blocks, over time" />
      {history.points.length ? (
        <div className="mt-5 grid gap-4">
          <SpeedupChart points={history.points} cores={cores ?? 1} chunksize={history.chunksize} />
          <button
            type="button"
            className="button justify-self-start"
            disabled={demo.state === 'running'}
            onClick={() => setHistory({ chunksize: history.chunksize, points: [] })}
          >
            Clear the chart
          </button>
        </div>
      ) : null}
    </DemoFrame>
  )
}
