'use client'

import { proxy, transfer } from 'comlink'
import { useState } from 'react'
import { useWorkers } from '@/components/demo-kit/use-workers'
import type { PipeApi, PipeEvent } from '@/workers/entry/pipe.worker'
import type { QueueApi } from '@/workers/entry/queue.worker'
import { Connection } from '@/workers/shared/connection'
import { createBoard, Doing, NONE, slot } from '@/workers/shared/queue-board'
import { SharedQueue } from '@/workers/shared/shared-queue'
import { MeasuredForm, NumberField, SelectField, useNumberInput, wholeNumber } from './challenge-form'
import {
  afterLines,
  judgePipe,
  judgeSentinels,
  loopLines,
  type AfterLine,
  type EndOutcome,
  type LoopLine,
  type PipeProgram,
  type SentinelTiming,
} from './process-check'

/** How long nothing may happen, once everyone has started, before a run counts as hung. */
const STALL_MS = 2000

/**
 * Resolves once `progress()` has stayed the same for `STALL_MS` (a hang), polling a few times a
 * second; never, while things keep moving. `started()` holds the clock until every worker has begun.
 */
function stalled(progress: () => string, started: () => boolean, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let last = ''
    let since = performance.now()
    const timer = setInterval(() => {
      const now = progress()
      if (now !== last || !started()) {
        last = now
        since = performance.now()
      } else if (performance.now() - since > STALL_MS) {
        clearInterval(timer)
        resolve()
      }
    }, 100)
    signal.addEventListener('abort', () => clearInterval(timer), { once: true })
  })
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))

const loopOptions = Object.entries(loopLines).map(([value, label]) => ({ value: value as LoopLine, label }))
const afterOptions = Object.entries(afterLines).map(([value, label]) => ({ value: value as AfterLine, label }))

/**
 * End A's program, line by line: the page plays A on one end of a MessageChannel; the pipe demo's
 * real worker B (`pong`) holds the other, answering squares until None.
 */
export function PipeProgramChallenge({ count = 3, start = { loop: ['recv', 'send'], after: 'pass' } }: { count?: number; start?: PipeProgram }) {
  const { group } = useWorkers<PipeApi>(() => new Worker(new URL('../../workers/entry/pipe.worker.ts', import.meta.url), { type: 'module', name: 'pipe' }))
  const [program, setProgram] = useState<PipeProgram>(start)
  const setLoop = (i: 0 | 1) => (line: LoopLine) => setProgram((p) => ({ ...p, loop: (i === 0 ? [line, p.loop[1]] : [p.loop[0], line]) as [LoopLine, LoopLine] }))

  return (
    <MeasuredForm
      action="Run A against B"
      prepare={() => async (signal, say) => {
        say('Starting worker B…')
        const b = group.spawn({ signal })
        try {
          // B answers an empty conversation first: once it returns, B's worker is loaded, and a
          // quiet pipe from then on means someone waits for good, not a worker still starting.
          const warm = new MessageChannel()
          const warming = b.api.pong(transfer(warm.port2, [warm.port2]), proxy(() => {}))
          new Connection<null>(warm.port1).send(null)
          await warming

          say(`Running A's program against B…`)
          let moves = 0
          let answered = 0
          const { port1, port2 } = new MessageChannel()
          let bEnd: EndOutcome = { ended: 'blocked' }
          const bDone = b.api
            .pong(
              transfer(port2, [port2]),
              proxy((e: PipeEvent) => {
                moves++
                if (e.kind === 'send') answered++
              }),
            )
            .then(
              () => void (bEnd = { ended: 'returned' }),
              (error: unknown) => void (bEnd = { ended: 'raised', error: errorText(error) }),
            )
          const conn = new Connection<number | null>(port1)
          const replies: number[] = []
          let aEnd: EndOutcome = { ended: 'blocked' }
          const aDone = (async () => {
            for (let n = 0; n < count; n++) {
              for (const line of program.loop) {
                if (line === 'send') conn.send(n)
                if (line === 'recv') replies.push((await conn.recv())!)
                moves++
              }
            }
            if (program.after === 'none') conn.send(null)
            if (program.after === 'close') conn.close()
          })().then(
            () => void (aEnd = { ended: 'returned' }),
            (error: unknown) => void (aEnd = { ended: 'raised', error: errorText(error) }),
          )
          const watch = new AbortController()
          await Promise.race([
            Promise.all([aDone, bDone]),
            stalled(() => `${moves}`, () => true, AbortSignal.any([signal, watch.signal])),
          ])
          watch.abort()
          return judgePipe({ count, replies, a: aEnd, b: { ...bEnd, answered } })
        } finally {
          group.terminateAll()
        }
      }}
    >
      {(running) => (
        <fieldset className="grid gap-2 border-0 p-0">
          <legend className="control-label">End A: ping(conn)</legend>
          <p className="m-0 font-mono text-sm">{`for n in range(${count}):`}</p>
          <div className="flex flex-wrap gap-3 pl-6">
            <SelectField label="Loop, line 1" value={program.loop[0]} options={loopOptions} onChange={setLoop(0)} disabled={running} />
            <SelectField label="Loop, line 2" value={program.loop[1]} options={loopOptions} onChange={setLoop(1)} disabled={running} />
          </div>
          <div className="flex">
            <SelectField label="After the loop" value={program.after} options={afterOptions} onChange={(after) => setProgram((p) => ({ ...p, after }))} disabled={running} />
          </div>
        </fieldset>
      )}
    </MeasuredForm>
  )
}

/** How long a producer takes to make one item, and a consumer to use one. */
const MAKE_MS = 30
const USE_MS = 20

const timingOptions: { value: SentinelTiming; label: string }[] = [
  { value: 'after', label: 'after joining the producers' },
  { value: 'before', label: 'as soon as the producers start' },
]

/**
 * How many `None`, and when: the parent's part of a producer-consumer program, run with the queue
 * demo's real workers on its shared queue.
 */
export function QueueSentinels({ producers = 2, consumers = 3, items = 6, maxsize = 4 }: { producers?: number; consumers?: number; items?: number; maxsize?: number }) {
  const { group } = useWorkers<QueueApi>(() => new Worker(new URL('../../workers/entry/queue.worker.ts', import.meta.url), { type: 'module', name: 'queue' }))
  const input = useNumberInput(wholeNumber('The number of None', 0, 8), '1')
  const [when, setWhen] = useState<SentinelTiming>('after')

  return (
    <MeasuredForm
      action="Run the program"
      prepare={() => {
        const sentinels = input.read()
        if (sentinels === null) return null
        return async (signal, say) => {
          say('Running the producers and consumers…')
          const queue = SharedQueue.create(maxsize, 2)
          const board = createBoard()
          const buffers = [queue.buffer, board.buffer as SharedArrayBuffer] as const
          const watch = new AbortController()
          const stop = AbortSignal.any([signal, watch.signal])
          try {
            const consuming = Promise.all(Array.from({ length: consumers }, (_, c) => group.spawn({ signal }).api.consumer(...buffers, c, USE_MS)))
            const producing = Promise.all(Array.from({ length: producers }, (_, p) => group.spawn({ signal }).api.producer(...buffers, p, items, MAKE_MS)))
            let put = 0
            const putSentinels = async () => {
              for (; put < sentinels; put++) await queue.putAsync([NONE, 0], stop)
            }
            const program = (async () => {
              if (when === 'before') await putSentinels()
              await producing // p.join() for each producer
              if (when === 'after') await putSentinels()
              await consuming // c.join() for each consumer
            })()
            program.catch(() => {}) // raced below; a hang ends it by abort
            const sum = (at: (i: number) => number, n: number) => Array.from({ length: n }, (_, i) => Atomics.load(board, at(i))).reduce((a, b) => a + b, 0)
            const states = () => [...Array.from({ length: producers }, (_, p) => Atomics.load(board, slot.producer(p))), ...Array.from({ length: consumers }, (_, c) => Atomics.load(board, slot.consumer(c)))]
            const progress = () => `${sum(slot.produced, producers)} ${sum(slot.consumed, consumers)} ${states().join()} ${queue.size()} ${put}`
            const hung = await Promise.race([program.then(() => false), stalled(progress, () => states().every((s) => s !== Doing.idle), stop).then(() => true)])
            watch.abort()
            let left = queue.snapshot()
            for (let tries = 0; left === null && tries < 20; tries++) {
              await new Promise((resolve) => setTimeout(resolve, 5))
              left = queue.snapshot()
            }
            return judgeSentinels({
              producers,
              consumers,
              itemsPerProducer: items,
              sentinels,
              when,
              produced: sum(slot.produced, producers),
              consumed: sum(slot.consumed, consumers),
              exited: Array.from({ length: consumers }, (_, c) => Atomics.load(board, slot.consumer(c))).filter((s) => s === Doing.done).length,
              left: left?.length ?? queue.size(),
              leftNone: left?.filter((item) => item[0] === NONE).length ?? 0,
              hung,
            })
          } finally {
            watch.abort()
            group.terminateAll()
          }
        }
      }}
    >
      {(running) => (
        <>
          <p className="m-0 text-sm">
            {producers} producers put {items} items each on a <code className="font-mono">Queue(maxsize={maxsize})</code>; {consumers} consumers take items until they get <code className="font-mono">None</code>. You write the parent&rsquo;s part.
          </p>
          <div className="flex flex-wrap gap-4">
            <NumberField label="How many None the parent puts" input={input} disabled={running} inputMode="numeric" />
            <SelectField label="When it puts them" value={when} options={timingOptions} onChange={setWhen} disabled={running} />
          </div>
        </>
      )}
    </MeasuredForm>
  )
}
