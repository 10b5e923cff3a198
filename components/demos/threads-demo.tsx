'use client'

import { proxy } from 'comlink'
import { useId, useState } from 'react'
import { choice, decimal, int } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { Timeline, type TimelineLane } from '@/components/demo-kit/timeline'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { sharedNow as now } from '@/workers/clock'
import { seconds } from '@/lib/format'
import { maxWorkers } from '@/workers/limits'
import type { ThreadsApi } from '@/workers/entry/threads.worker'
import { useRunClock } from '@/components/demo-kit/use-live-view'

const controls = {
  threads: int({ label: 'Threads', min: 1, max: maxWorkers, default: 5 }),
  seconds: decimal({ label: 'Each sleeps', min: 0.1, max: 5, default: 2, unit: 's' }),
  style: choice({
    label: 'Written as',
    options: [
      { value: 'function', label: 'Thread(target=…)' },
      { value: 'subclass', label: 'class MyThread(Thread)' },
    ],
    default: 'function',
  }),
}

type LogLine = { at: number; text: string }


/**
 * The notes' basic threading example: N threads each print, sleep, print. Each "thread" is a Web
 * Worker that really blocks for the sleep, so the waits overlap and the total stays near one sleep.
 */
export function ThreadsDemo() {
  const { group } = useWorkers<ThreadsApi>(() => new Worker(new URL('../../workers/entry/threads.worker.ts', import.meta.url), { type: 'module', name: 'threads' }))
  const [log, setLog] = useState<LogLine[]>([])
  const [lanes, setLanes] = useState<TimelineLane[]>([])
  const [active, setActive] = useState(1)
  // The elapsed time and the running spans are redrawn a few times a second.
  const { clock, start: startClock, stop: stopClock } = useRunClock(now)
  const [elapsed, setElapsed] = useState<number | null>(null)
  const outputId = useId()

  const demo = useDemo({
    id: 'threads',
    controls,
    requiresIsolation: true,
    run: async ({ threads, seconds: sleepFor, style }, { signal }) => {
      setLog([])
      setLanes([])
      setActive(1)
      setElapsed(null)
      // `threading.Thread(...)` for each: start the workers and let their code load.
      const spawned = Array.from({ length: threads }, () => group.spawn({ signal }))
      try {
        await Promise.all(spawned.map(({ api }) => api.ready()))
        const t0 = startClock()
        setLanes(spawned.map((_, i) => ({ label: `Thread ${i}`, spans: [] })))
        const print = proxy((text: string) => {
          const at = now() - t0
          setLog((prev) => [...prev, { at, text }])
        })
        // `x.start()` for each thread in turn, then `thread.join()` for each.
        const joins = spawned.map(({ api }, i) => {
          const start = now() - t0
          setActive((n) => n + 1)
          setLanes((prev) => prev.map((lane, j) => (j === i ? { ...lane, spans: [{ start, label: 'sleeping', tone: 'var(--thread)' }] } : lane)))
          const running = style === 'subclass' ? api.myThread(i, sleepFor, print) : api.threadFunction(i, sleepFor, print)
          return running.then(() => {
            const end = now() - t0
            setActive((n) => n - 1)
            setLanes((prev) => prev.map((lane, j) => (j === i ? { ...lane, spans: [{ start, end, label: 'sleeping', tone: 'var(--thread)' }] } : lane)))
          })
        })
        await Promise.all(joins)
        const ms = now() - t0
        setElapsed(ms)
        return {
          result: { threads, ms: Math.round(ms) },
          summary:
            threads === 1
              ? `1 thread slept ${sleepFor} s and finished in ${seconds(ms)}. Add threads: the total hardly grows.`
              : `${threads} threads each slept ${sleepFor} s; all finished in ${seconds(ms)}, ` +
                `not ${(threads * sleepFor).toFixed(1)} s: the sleeps overlapped.`,
        }
      } finally {
        stopClock()
        setActive(1)
        group.terminateAll()
      }
    },
  })

  return (
    <DemoFrame
      demo={demo}
      title="Threads that sleep at the same time"
      description="Each thread prints, sleeps, and prints again. Started one after another, they all sleep at once: the total is about one sleep, not one per thread."
      runLabel="the threads"
    >
      <Stats>
        <Stat label={<code>threading.active_count()</code>} aria-live="off">{active}</Stat>
        <Stat label="Elapsed">{clock ? seconds(clock.now - clock.t0) : elapsed !== null && seconds(elapsed)}</Stat>
      </Stats>
      {lanes.length ? (
        <Timeline lanes={lanes} now={clock ? clock.now - clock.t0 : 0} label="When each thread was sleeping" />
      ) : null}
      {log.length ? (
        <div className="mt-4">
          <p className="mb-1 text-sm font-semibold text-muted" id={outputId}>
            Output, in the order it was printed
          </p>
          <ol
            aria-labelledby={outputId}
            className="max-h-72 overflow-y-auto rounded-lg border border-border bg-bg p-3 font-mono text-sm leading-relaxed"
          >
            {log.map((line, i) => (
              <li key={i} className="flex gap-3">
                <span className="w-16 shrink-0 text-right text-muted">{seconds(line.at)}</span>
                <span className={line.text.endsWith('starting') ? '' : 'text-thread'}>{line.text}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </DemoFrame>
  )
}
