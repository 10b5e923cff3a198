'use client'

import { useId, useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { int } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { createBoard, Doing, expectedChecksum, MAX_SIDE, NONE, slot } from '@/workers/shared/queue-board'
import { SharedQueue, type Item } from '@/workers/shared/shared-queue'
import type { QueueApi } from '@/workers/entry/queue.worker'
import { useLiveView } from '@/components/demo-kit/use-live-view'
import { workerHue } from './multiprocessing-view'

/** A slot of the queue, filled or empty. */
const slotBox = 'rounded-md border bg-bg px-0.5 py-1 text-center font-mono text-tag'

/** How long a producer takes to make one item. */
const MAKE_MS = 30

const controls = {
  producers: int({ label: 'Producers', min: 1, max: MAX_SIDE, default: 2 }),
  consumers: int({ label: 'Consumers', min: 1, max: MAX_SIDE, default: 2 }),
  items: int({ label: 'Items per producer', min: 1, max: 200, default: 20 }),
  maxsize: int({ label: 'maxsize', min: 1, max: 24, default: 8, help: 'Queue(maxsize=…): put() waits while the queue is full.' }),
  work: int({ label: 'Time to use an item', min: 0, max: 500, default: 80, unit: 'ms', help: `A producer makes one every ${MAKE_MS} ms.` }),
}

type Side = { count: number; doing: Doing }
type Live = {
  capacity: number
  items: Item[]
  producers: Side[]
  consumers: Side[]
  perProducer: number
}

const emptyLive = (): Live => ({ capacity: 0, items: [], producers: [], consumers: [], perProducer: 0 })
const doingText: Record<Doing, string> = {
  [Doing.idle]: 'starting',
  [Doing.working]: 'working',
  [Doing.waiting]: 'waiting',
  [Doing.done]: 'done',
}

/** Reads the live state straight from shared memory: the page is one more observer of the buffer. */
function observe(live: Live, queue: SharedQueue, board: Int32Array): Live {
  const side = (n: number, count: (i: number) => number, doing: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => ({ count: Atomics.load(board, count(i)), doing: Atomics.load(board, doing(i)) as Doing }))
  return {
    ...live,
    // A snapshot needs the queue's lock for a moment; if a worker holds it, keep the last one.
    items: queue.snapshot() ?? live.items,
    producers: side(live.producers.length, slot.produced, slot.producer),
    consumers: side(live.consumers.length, slot.consumed, slot.consumer),
  }
}

/** Several producers and consumers share one queue: a SharedArrayBuffer ring buffer with Atomics. */
export function QueueDemo() {
  const { group, alive } = useWorkers<QueueApi>(() => new Worker(new URL('../../workers/entry/queue.worker.ts', import.meta.url), { type: 'module', name: 'queue' }))
  const [shared, setShared] = useState<{ queue: SharedQueue; board: Int32Array } | null>(null)
  const running = shared !== null
  const { liveRef, view, reset, flush } = useLiveView(emptyLive, running, {
    perSecond: 5,
    refresh: (v) => (shared ? observe(v, shared.queue, shared.board) : v),
  })

  const demo = useDemo({
    id: 'queue',
    controls,
    requiresIsolation: true,
    run: async ({ producers, consumers, items, maxsize, work }, { signal }) => {
      // #region queue
      const queue = SharedQueue.create(maxsize, 2) // Queue(maxsize): items are (producer, n) pairs
      const board = createBoard()
      const idle = (n: number) => Array.from({ length: n }, () => ({ count: 0, doing: Doing.idle }))
      reset({ capacity: maxsize, items: [], producers: idle(producers), consumers: idle(consumers), perProducer: items })
      setShared({ queue, board })
      try {
        const buffers = [queue.buffer, board.buffer as SharedArrayBuffer] as const
        const consuming = Promise.all(Array.from({ length: consumers }, (_, c) => group.spawn({ signal }).api.consumer(...buffers, c, work)))
        consuming.catch(() => {}) // awaited below; Stop may end it first
        const producing = Array.from({ length: producers }, (_, p) => group.spawn({ signal }).api.producer(...buffers, p, items, MAKE_MS))
        const produced = (await Promise.all(producing)).reduce((a, b) => a + b, 0) // join the producers
        for (let c = 0; c < consumers; c++) await queue.putAsync([NONE, 0], signal) // one None per consumer: "no more items"
        const perConsumer = await consuming // join the consumers
        // #endregion
        liveRef.current = observe(liveRef.current, queue, board)
        flush()
        const consumed = perConsumer.reduce((a, b) => a + b, 0)
        const checksum = Array.from({ length: consumers }, (_, c) => Atomics.load(board, slot.checksum(c))).reduce((a, b) => a + b, 0)
        const exact = consumed === produced && checksum === expectedChecksum(producers, items)
        return {
          result: { produced, consumed, perConsumer, exact },
          summary:
            `${producers} producer${producers === 1 ? '' : 's'} put ${produced} items; ${consumers} consumer${consumers === 1 ? '' : 's'} ` +
            `got ${consumed} (${perConsumer.join(' + ')}), then one None each. ` +
            (exact ? 'Every item was consumed exactly once.' : 'Some items were lost or doubled!'),
        }
      } finally {
        group.terminateAll()
        setShared(null)
      }
    },
  })

  const contentsId = useId()
  const inQueue = view.items.length
  return (
    <DemoFrame
      demo={demo}
      title="A Queue shared by producers and consumers"
      description="Producers put (producer, n) items on one bounded queue; consumers take them off, whichever is free. When the producers are done, the parent puts one None per consumer to stop them."
      runLabel="producers and consumers"
    >
      <Stats>
        <Stat label="Workers alive">{alive}</Stat>
        <Stat label="Produced">{view.producers.reduce((a, p) => a + p.count, 0)}</Stat>
        <Stat label="Consumed">{view.consumers.reduce((a, c) => a + c.count, 0)}</Stat>
        <Stat label="In the queue">{inQueue} / {view.capacity || '–'}</Stat>
      </Stats>
      {view.capacity ? (
        <div className="grid items-start gap-4 md:grid-cols-[minmax(10rem,1fr)_minmax(12rem,1.4fr)_minmax(10rem,1fr)]">
          <SideList kind="producer" sides={view.producers} total={view.perProducer} />
          <div>
            <p className="demo-label mt-0 mb-1.5" id={contentsId}>
              The queue, oldest first
            </p>
            <ol className="m-0 grid list-none grid-cols-[repeat(auto-fill,minmax(4.2rem,1fr))] gap-1 rounded-box border-2 border-border bg-surface-2 p-2" aria-labelledby={contentsId}>
              {Array.from({ length: view.capacity }, (_, i) => {
                const item = view.items[i]
                if (!item) return <li key={i} className="min-h-8 rounded-md border border-dashed border-border px-0.5 py-1" aria-hidden="true" />
                const none = item[0] === NONE
                return (
                  <li
                    key={i}
                    data-none={none ? '' : undefined}
                    className={`${slotBox} border-t-4 border-border ${none ? 'border-t-text font-bold' : 'worker-hue border-t-worker'}`}
                    style={none ? undefined : { ['--hue' as string]: workerHue(item[0]!) }}
                  >
                    {none ? 'None' : `(${item[0]! + 1}, ${item[1]})`}
                  </li>
                )
              })}
            </ol>
            <p className="mt-1.5 mb-0 text-small text-muted">{inQueue === 0 ? 'Empty.' : inQueue === view.capacity ? 'Full: put() waits.' : `${inQueue} waiting to be consumed.`}</p>
          </div>
          <SideList kind="consumer" sides={view.consumers} />
        </div>
      ) : null}
    </DemoFrame>
  )
}

const sideWords = {
  producer: { title: 'Producers', verb: 'put', waiting: 'waiting for room' },
  consumer: { title: 'Consumers', verb: 'got', waiting: 'waiting for an item' },
}

function SideList({ kind, sides, total }: { kind: keyof typeof sideWords; sides: Side[]; total?: number }) {
  const words = sideWords[kind]
  return (
    <div data-kind={kind}>
      <p className="demo-label mt-0 mb-1.5">{words.title}</p>
      <ul className="m-0 grid list-none gap-1.5 p-0">
        {sides.map((side, i) => (
          <li
            key={i}
            data-doing={doingText[side.doing]}
            className={`flex flex-wrap gap-x-2.5 rounded-md border border-l-5 border-border bg-bg px-2.5 py-1.5 text-small ${kind === 'producer' ? 'worker-hue border-l-worker' : 'border-l-process'}`}
            style={kind === 'producer' ? { ['--hue' as string]: workerHue(i) } : undefined}
          >
            <span className="font-demi">
              {kind} {i + 1}
            </span>
            <span>
              {words.verb} {side.count}
              {total ? ` of ${total}` : ''}
            </span>
            <span className={`basis-full text-tag ${side.doing === Doing.waiting ? 'font-demi text-pitfall' : 'text-muted'}`}>{side.doing === Doing.waiting ? words.waiting : doingText[side.doing]}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
