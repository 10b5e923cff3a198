'use client'

import { useRef, useState } from 'react'
import { choice, decimal } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { DeadlockBoard, findCycle, type ThreadView } from '@/workers/shared/deadlock-board'
import type { DeadlockApi, LockOrder } from '@/workers/entry/deadlock.worker'
import { allocate, Barrier, Mutex } from '@/workers/shared/sync'
import { sharedNow as now } from '@/workers/clock'
import { useLiveView } from '@/components/demo-kit/use-live-view'

const controls = {
  order: choice({
    label: 'Lock order',
    options: [
      { value: 'opposite', label: 'each its own way' },
      { value: 'global', label: 'one global order' },
    ] satisfies { value: LockOrder; label: string }[],
    default: 'opposite',
  }),
  timeout: decimal({ label: 'Acquire timeout', min: 0.5, max: 10, default: 2, unit: 's', help: 'lock.acquire(timeout=…)' }),
}

const names = ['Thread 1', 'Thread 2']

function describe(thread: ThreadView, at: number): string {
  const holds = thread.holds.length ? `holds ${thread.holds.join(' and ')}` : 'holds no lock'
  switch (thread.phase) {
    case 'starting':
      return 'starting'
    case 'working':
      return `${holds}, working`
    case 'waiting':
      return `${holds}; waiting for ${thread.waitsFor} for ${((at - (thread.waitingSince ?? at)) / 1000).toFixed(1)} s`
    case 'done':
      return 'done: moved the money and released both locks'
    case 'gave up':
      return 'gave up waiting, released its lock'
  }
}

/** Who holds what and who waits for what, drawn as a wait-for graph. A cycle is a deadlock. */
function WaitForGraph({ threads, cycle }: { threads: ThreadView[]; cycle: boolean }) {
  // Threads on the left and right, locks top and bottom.
  const at = { t0: { x: 60, y: 80 }, t1: { x: 300, y: 80 }, A: { x: 180, y: 22 }, B: { x: 180, y: 138 } } as const
  const edges: { from: { x: number; y: number }; to: { x: number; y: number }; kind: 'holds' | 'waits'; key: string }[] = []
  threads.forEach((thread, i) => {
    const node = i === 0 ? at.t0 : at.t1
    for (const lock of thread.holds) edges.push({ from: at[lock], to: node, kind: 'holds', key: `${lock}-${i}` })
    if (thread.waitsFor) edges.push({ from: node, to: at[thread.waitsFor], kind: 'waits', key: `${i}-${thread.waitsFor}` })
  })
  const trim = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const dx = to.x - from.x
    const dy = to.y - from.y
    const length = Math.hypot(dx, dy)
    const pad = (p: number) => ({ x: dx * (p / length), y: dy * (p / length) })
    return { x1: from.x + pad(30).x, y1: from.y + pad(18).y, x2: to.x - pad(34).x, y2: to.y - pad(20).y }
  }
  const tone = cycle ? 'var(--danger)' : 'var(--text)'
  return (
    <svg viewBox="0 0 360 160" className="mx-auto block w-full max-w-md" aria-hidden="true">
      <defs>
        <marker id="deadlock-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" style={{ fill: tone }} />
        </marker>
      </defs>
      {edges.map((edge) => (
        <line
          key={edge.key}
          {...trim(edge.from, edge.to)}
          style={{ stroke: tone }}
          strokeWidth={2}
          strokeDasharray={edge.kind === 'waits' ? '5 4' : undefined}
          markerEnd="url(#deadlock-arrow)"
        />
      ))}
      {(['A', 'B'] as const).map((lock) => (
        <g key={lock}>
          <rect x={at[lock].x - 32} y={at[lock].y - 15} width={64} height={30} rx={6} style={{ fill: 'var(--bg)', stroke: 'var(--muted)' }} />
          <text x={at[lock].x} y={at[lock].y + 5} textAnchor="middle" fontSize="13" style={{ fill: 'var(--text)', fontFamily: 'var(--font-mono)' }}>
            lock {lock}
          </text>
        </g>
      ))}
      {[at.t0, at.t1].map((node, i) => (
        <g key={i}>
          <rect x={node.x - 48} y={node.y - 16} width={96} height={32} rx={16} style={{ fill: 'var(--thread-soft)', stroke: 'var(--thread)' }} />
          <text x={node.x} y={node.y + 5} textAnchor="middle" fontSize="13" fontWeight="600" style={{ fill: 'var(--text)' }}>
            {names[i]}
          </text>
        </g>
      ))}
    </svg>
  )
}

type View = { threads: ThreadView[]; at: number; cycleSeen: boolean }

/**
 * Two threads, two locks. Taken in opposite orders, each holds one and waits for the other
 * forever; an acquire timeout notices. Taken in one global order, they cannot deadlock.
 */
export function DeadlockDemo() {
  const { group } = useWorkers<DeadlockApi>(() => new Worker(new URL('../../workers/entry/deadlock.worker.ts', import.meta.url), { type: 'module', name: 'deadlock' }))
  const [running, setRunning] = useState(false)
  const look = useRef<((before: View | null) => View) | null>(null)
  // Redrawn ten times a second from the shared board while the threads run.
  const { view, reset, liveRef } = useLiveView<View | null>(() => null, running, { perSecond: 10, refresh: (v) => look.current?.(v) ?? v })

  const demo = useDemo({
    id: 'deadlock',
    controls,
    requiresIsolation: true,
    run: async ({ order, timeout }, { signal }) => {
      const memory = allocate({ a: Mutex.bytes, b: Mutex.bytes, board: DeadlockBoard.bytes, start: Barrier.bytes })
      Mutex.create(memory.a)
      Mutex.create(memory.b)
      Barrier.create(DeadlockBoard.threads, memory.start)
      const board = new DeadlockBoard(memory.board)
      reset({ threads: board.read(), at: 0, cycleSeen: false })
      const spawned = Array.from({ length: DeadlockBoard.threads }, () => group.spawn({ signal }))
      try {
        await Promise.all(spawned.map(({ api }) => api.ready()))
        const t0 = now()
        look.current = (before) => {
          const threads = board.read()
          return { threads, at: now() - t0, cycleSeen: Boolean(before?.cycleSeen || findCycle(threads)) }
        }
        setRunning(true)
        const finished = await Promise.all(spawned.map(({ api }, me) => api.run(me, order, timeout * 1000, { ...memory, t0 })))
        const ms = Math.round(now() - t0)
        reset(look.current(liveRef.current))
        const gaveUp = finished.filter((ok) => !ok).length
        const deadlock = gaveUp > 0
        const summary = deadlock
          ? `Deadlock: each thread held one lock and waited for the other's. After ${timeout} s, ` +
            (gaveUp === 2
              ? 'both acquire(timeout=…) calls gave up.'
              : 'one acquire(timeout=…) gave up and released its lock, which let the other thread finish.') +
            ' Without a timeout they would wait forever.'
          : `No deadlock: both threads took lock A before lock B, so one simply waited for the other. Both finished in ${(ms / 1000).toFixed(1)} s.`
        return { result: { order, deadlock, gaveUp, ms }, summary }
      } finally {
        look.current = null
        setRunning(false)
        group.terminateAll()
      }
    },
  })

  const cycleSeen = view?.cycleSeen ?? false
  const threads = view?.threads
  const cycleNow = threads ? findCycle(threads) : null

  return (
    <DemoFrame
      demo={demo}
      title="Deadlock: two threads, two locks"
      description="Thread 1 moves money from account A to account B; thread 2 moves money from B to A. Each locks both accounts, one after the other."
      runLabel="the transfers"
    >
      {threads && view ? (
        <div className="grid gap-4 md:grid-cols-[1fr_1.1fr] md:items-center">
          <div>
            <ul className="m-0 grid list-none gap-2 p-0">
              {threads.map((thread, i) => (
                <li key={i} className="rounded-lg border border-border bg-bg px-3 py-2">
                  <span className="font-semibold">{names[i]}</span>: {describe(thread, view.at)}
                </li>
              ))}
            </ul>
            {cycleNow ? (
              <p className="mt-3 mb-0 rounded-lg border-l-4 border-danger bg-danger-soft px-3 py-2 font-semibold text-danger">
                A cycle: {cycleNow.map((edge) => `${names[edge.thread]} holds ${edge.holds} and waits for ${edge.waitsFor}`).join('; ')}. Neither
                can go on.
              </p>
            ) : cycleSeen && demo.state !== 'running' ? (
              <p className="mt-3 mb-0 text-sm text-muted">The threads were stuck in a cycle until a timeout broke it.</p>
            ) : null}
          </div>
          <figure className="m-0">
            <WaitForGraph threads={threads} cycle={cycleNow !== null} />
            <figcaption className="text-center text-xs text-muted">
              Solid arrow: lock → thread holding it. Dashed arrow: thread → lock it waits for.
            </figcaption>
          </figure>
        </div>
      ) : null}
    </DemoFrame>
  )
}
