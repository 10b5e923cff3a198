'use client'

import { useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { decimal, int } from '@/components/demo-kit/controls'
import type { TimelineSpan } from '@/components/demo-kit/timeline'
import { emptyLanes, LiveLanes } from '@/components/demo-kit/live-lanes'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { CoresStat, Stat, Stats } from '@/components/demo-kit/stats'
import { sharedNow as now } from '@/workers/clock'
import { onCoreMs, onCoreSlices } from '@/workers/inside/on-core'
import { afterNextPaint, useLiveStore } from '@/components/demo-kit/use-live-view'
import { cpuCount, maxWorkers } from '@/workers/limits'
import type { CoresApi } from '@/workers/entry/cores.worker'

const controls = {
  workers: int({ label: 'Workers', min: 1, max: maxWorkers, default: 4 }),
  seconds: decimal({ label: 'Work per worker', min: 0.2, max: 3, default: 1, unit: 's' }),
}

/** Pauses shorter than this (milliseconds) are left out of the drawing, though not out of the count. */
const GAP_MS = 1

const tone = 'var(--process)'

/** N workers each get the same fixed amount of CPU work; the wall time shows how many ran at once. */
export function CoresDemo() {
  const { group, alive } = useWorkers<CoresApi>(() => new Worker(new URL('../../workers/entry/cores.worker.ts', import.meta.url), { type: 'module', name: 'cores' }))
  const board = useLiveStore(emptyLanes)
  const [running, setRunning] = useState(false)

  const demo = useDemo({
    id: 'cores',
    controls,
    run: async ({ workers, seconds }, { signal }) => {
      const spawned = Array.from({ length: workers }, () => group.spawn({ signal }))
      const lanes = spawned.map((_, i) => ({ label: `worker ${i + 1}`, spans: [] as TimelineSpan[] }))
      // Empty lanes while the workers start: drawn now, so the clock starts with nothing left to draw.
      // Their axis spans the time the run should take: the work, once per worker a core must take in turn.
      const axis = seconds * 1000 * Math.ceil(workers / cpuCount())
      const drawn = now()
      board.reset({ lanes, t0: drawn, now: drawn, running: false, axis, phase: '' })
      try {
        // Start every worker and warm its JIT first; then time one worker alone on an idle core,
        // so each gets `seconds` of work for one core and start-up does not skew the measure.
        await Promise.all(spawned.map(({ api }) => api.calibrate(40)))
        const perMs = await spawned[0]!.api.calibrate(50, 6)
        const iterations = Math.round(perMs * seconds * 1000)
        await afterNextPaint()
        const t0 = now()
        board.live.current = { ...board.live.current, lanes: lanes.map((lane) => ({ ...lane, spans: [{ start: 0, label: 'work', tone }] })), t0, now: t0, running: true }
        setRunning(true)
        const finished = await Promise.all(
          spawned.map(async ({ api }, i) => {
            const run = await api.work(iterations)
            const spans = onCoreSlices(run, t0, GAP_MS).map((slice) => ({ ...slice, label: 'on a core', tone }))
            const live = board.live.current
            board.live.current = { ...live, lanes: live.lanes.map((lane, j) => (j === i ? { ...lane, spans } : lane)) }
            return run
          }),
        )
        const ms = Math.max(...finished.map((run) => run.end)) - t0
        board.reset({ ...board.live.current, now: t0 + ms, running: false, axis: null })
        // How many ran at once, on average: the time each worker spent on a core, over the wall time.
        const parallelism = finished.reduce((sum, run) => sum + onCoreMs(run), 0) / ms
        const available = cpuCount()
        return {
          result: { workers, cores: available, ms: Math.round(ms), parallelism: Number(parallelism.toFixed(2)) },
          summary:
            `${workers} × ${seconds} s of work took ${(ms / 1000).toFixed(2)} s: on average ${parallelism.toFixed(1)} ` +
            `workers were on a core at once. This device reports ${available} cores.`,
        }
      } finally {
        setRunning(false)
        group.terminateAll()
      }
    },
  })

  return (
    <DemoFrame
      demo={demo}
      title="How many run at once?"
      description="Every worker gets the same fixed amount of CPU work. If they all run in parallel, the total time stays near one worker's; past the number of cores, they must take turns."
      runLabel="the workers"
    >
      <Stats>
        <CoresStat />
        <Stat label="Workers alive">{alive}</Stat>
      </Stats>
      <LiveLanes store={board} running={running} label="When each worker was computing" exact />
    </DemoFrame>
  )
}
