'use client'

import { proxy, transfer } from 'comlink'
import { useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { int } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { sharedNow } from '@/workers/clock'
import type { PipeApi, PipeEvent } from '@/workers/entry/pipe.worker'
import { crossings, emptyPipeLog, file, type PipeLog } from './pipe-log'
import { useLiveView } from '@/components/demo-kit/use-live-view'
import { seconds } from '@/lib/format'

/** A row of the sequence diagram: worker A on the left, the pipe in the middle, worker B on the right. */
const row = 'grid grid-cols-[1fr_minmax(8rem,1.2fr)_1fr] gap-2 px-3 py-1'

const controls = {
  messages: int({ label: 'Numbers A sends', min: 1, max: 100, default: 5 }),
  pause: int({ label: 'Pause between round trips', min: 0, max: 2000, default: 300, unit: 'ms' }),
}

type Live = PipeLog & { t0: number }

const fresh = (t0: number): Live => ({ ...emptyPipeLog(), t0 })

const show = (v: number | null) => (v === null ? 'None' : String(v))

/** Two workers joined by a MessageChannel: A sends numbers, B sends back their squares. */
export function PipeDemo() {
  const { group, alive } = useWorkers<PipeApi>(() => new Worker(new URL('../../workers/entry/pipe.worker.ts', import.meta.url), { type: 'module', name: 'pipe' }))
  const [running, setRunning] = useState(false)
  const { liveRef, view, flush, reset } = useLiveView(() => fresh(0), running)

  const rows = crossings(view)

  const demo = useDemo({
    id: 'pipe',
    controls,
    run: async ({ messages, pause }, { signal }) => {
      reset(fresh(sharedNow()))
      setRunning(true)
      const report = proxy((event: PipeEvent) => {
        liveRef.current = { ...file(liveRef.current, event), t0: liveRef.current.t0 }
      })
      try {
        // #region pipe
        const { port1, port2 } = new MessageChannel() // a, b = Pipe()
        const a = group.spawn({ signal })
        const b = group.spawn({ signal })
        const [replies, answered] = await Promise.all([
          a.api.ping(transfer(port1, [port1]), messages, pause, report),
          b.api.pong(transfer(port2, [port2]), report),
        ])
        // #endregion
        flush()
        const all = crossings(liveRef.current)
        const latency = all.reduce((sum, c) => sum + (c.receivedAt! - c.sentAt!), 0) / all.length
        return {
          result: { messages, replies, answered, crossed: 2 * messages + 1 },
          summary:
            `A sent ${messages} number${messages === 1 ? '' : 's'} and then None; B answered ${answered} with squares. ` +
            `${2 * messages + 1} messages crossed the pipe worker to worker, each in ${latency.toFixed(2)} ms on average.`,
        }
      } finally {
        group.terminateAll()
        setRunning(false)
      }
    },
  })

  return (
    <DemoFrame
      demo={demo}
      title="A Pipe between two workers"
      description="A duplex pipe: both ends send and receive. Worker A sends each number; worker B sends back its square; None tells B to stop."
      runLabel="the two ends"
    >
      <Stats>
        <Stat label="Workers alive">{alive}</Stat>
        <Stat label="A sent / received">{view.counts.a.send} / {view.counts.a.recv}</Stat>
        <Stat label="B sent / received">{view.counts.b.send} / {view.counts.b.recv}</Stat>
      </Stats>
      {rows.length ? (
        <div className="rounded-box border border-border bg-bg font-mono text-small">
          <div className={`${row} border-b border-border font-sans font-demi text-muted`} aria-hidden="true">
            <span>worker A: ping(a)</span>
            <span className="text-center">the pipe</span>
            <span className="text-right">worker B: pong(b)</span>
          </div>
          <ol className="m-0 max-h-72 list-none overflow-auto py-1" aria-label="Messages through the pipe, in order" tabIndex={0}>
            {rows.map((c, i) => (
              <li key={i} data-from={c.from} className={row}>
                <span>{c.from === 'a' ? `send(${show(c.value)})` : c.receivedAt === undefined ? '…' : `recv() → ${show(c.value)}`}</span>
                <span className={`rounded-sm text-center whitespace-nowrap ${c.from === 'a' ? 'bg-process-soft' : 'bg-surface-2'}`}>
                  <span className="sr-only">{c.from === 'a' ? 'A to B:' : 'B to A:'} </span>
                  <span aria-hidden="true">{c.from === 'a' ? '⟶' : '⟵'}</span> {show(c.value)}
                  <span className="text-label text-muted"> {seconds((c.sentAt ?? c.receivedAt ?? view.t0) - view.t0)}</span>
                </span>
                <span className="text-right">{c.from === 'b' ? `send(${show(c.value)})` : c.receivedAt === undefined ? '…' : `recv() → ${show(c.value)}`}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </DemoFrame>
  )
}
