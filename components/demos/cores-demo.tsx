'use client'

import { useEffect, useState } from 'react'
import { DemoFrame, type DemoSlots } from '@/components/demo-kit/demo-frame'
import { decimal, int } from '@/components/demo-kit/controls'
import { Timeline, type TimelineLane } from '@/components/demo-kit/timeline'
import { useCores } from '@/components/demo-kit/use-cores'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { sharedNow as now } from '@/workers/clock'

const controls = {
  workers: int({ label: 'Workers', min: 1, max: 16, default: 4 }),
  seconds: decimal({ label: 'Work per worker', min: 0.2, max: 3, default: 1, unit: 's' }),
}


/** N workers each get the same fixed amount of CPU work; the wall time shows how many ran at once. */
export function CoresDemo({ code, differs }: DemoSlots) {
  const { group, alive } = useWorkers('cores')
  const [lanes, setLanes] = useState<TimelineLane[]>([])
  const [clock, setClock] = useState<{ t0: number; now: number } | null>(null)
  const cores = useCores()

  const demo = useDemo({
    id: 'cores',
    controls,
    run: async ({ workers, seconds }, { signal }) => {
      setLanes([])
      const spawned = Array.from({ length: workers }, () => group.spawn({ signal }))
      try {
        // Start every worker and warm its JIT first; then time one worker alone on an idle core,
        // so each gets `seconds` of work for one core and start-up does not skew the measure.
        await Promise.all(spawned.map(({ api }) => api.calibrate(40)))
        const perMs = await spawned[0]!.api.calibrate(50, 6)
        const iterations = Math.round(perMs * seconds * 1000)
        const t0 = now()
        setClock({ t0, now: t0 })
        setLanes(spawned.map((_, i) => ({ label: `worker ${i + 1}`, spans: [{ start: 0, label: 'work', tone: 'var(--process)' }] })))
        const finished = await Promise.all(
          spawned.map(async ({ api }, i) => {
            const span = await api.work(iterations)
            setLanes((prev) =>
              prev.map((lane, j) =>
                j === i ? { ...lane, spans: [{ start: span.start - t0, end: span.end - t0, label: 'work', tone: 'var(--process)' }] } : lane,
              ),
            )
            return span
          }),
        )
        const ms = Math.max(...finished.map((s) => s.end)) - t0
        const parallelism = (workers * seconds * 1000) / ms
        const available = navigator.hardwareConcurrency || 1
        return {
          result: { workers, cores: available, ms: Math.round(ms), parallelism: Number(parallelism.toFixed(2)) },
          summary:
            `${workers} × ${seconds} s of work took ${(ms / 1000).toFixed(2)} s: on average ${parallelism.toFixed(1)} ` +
            `workers ran at once. This device reports ${available} cores.`,
        }
      } finally {
        setClock(null)
        group.terminateAll()
      }
    },
  })

  // Redraw running spans a few times a second: a redraw every frame would take CPU from the workers.
  const running = clock !== null
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => setClock((c) => (c ? { ...c, now: now() } : c)), 250)
    return () => clearInterval(timer)
  }, [running])

  return (
    <DemoFrame
      demo={demo}
      title="How many run at once?"
      description="Every worker gets the same fixed amount of CPU work. If they all run in parallel, the total time stays near one worker's; past the number of cores, they must take turns."
      runLabel="the workers"
      code={code}
      differs={differs}
    >
      <Stats>
        <Stat label="Cores on this device">{cores ?? '–'}</Stat>
        <Stat label="Workers alive">{alive}</Stat>
      </Stats>
      {lanes.length ? (
        <Timeline lanes={lanes} now={clock ? clock.now - clock.t0 : 0} label="When each worker was computing" />
      ) : null}
    </DemoFrame>
  )
}
