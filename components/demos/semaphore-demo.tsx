'use client'

import { useRef, useState } from 'react'
import { decimal, int } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { Timeline, type TimelineLane, type TimelineSpan } from '@/components/demo-kit/timeline'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { useLiveView } from '@/components/demo-kit/use-live-view'
import { SemaphoreBoard, type BoardView } from '@/workers/shared/semaphore-board'
import { allocate, Barrier, ThreadingSemaphore } from '@/workers/shared/sync'
import { sharedNow as now } from '@/workers/clock'
import { maxWorkers } from '@/workers/limits'
import type { SemaphoreApi } from '@/workers/entry/semaphore.worker'

const controls = {
  permits: int({ label: 'Permits', min: 1, max: 8, default: 3, help: 'threading.Semaphore(permits)' }),
  tasks: int({ label: 'Tasks', min: 1, max: maxWorkers, default: 8 }),
  seconds: decimal({ label: 'Time inside', min: 0.2, max: 3, default: 1, unit: 's' }),
}


function lanesOf(view: BoardView): TimelineLane[] {
  return view.tasks.map((task, i) => {
    const spans: TimelineSpan[] = []
    if (task.waitAt !== undefined) spans.push({ start: task.waitAt, end: task.enterAt, label: 'waiting', tone: 'var(--muted)' })
    if (task.enterAt !== undefined) spans.push({ start: task.enterAt, end: task.leaveAt, label: 'inside', tone: 'var(--thread)' })
    return { label: `Task ${i}`, spans }
  })
}

function Chips({ ids, empty }: { ids: number[]; empty: string }) {
  if (!ids.length) return <p className="m-0 text-sm text-muted">{empty}</p>
  return (
    <ul className="m-0 flex list-none flex-wrap gap-1.5 p-0">
      {ids.map((id) => (
        <li key={id} className="rounded-md border border-border bg-bg px-2 py-0.5 font-mono text-sm whitespace-nowrap">
          Task {id}
        </li>
      ))}
    </ul>
  )
}

type View = { board: BoardView; permits: number; at: number }

/** `threading.Semaphore(k)`: tasks queue for k permits; at most k are ever inside. */
export function SemaphoreDemo() {
  const { group } = useWorkers<SemaphoreApi>(() => new Worker(new URL('../../workers/entry/semaphore.worker.ts', import.meta.url), { type: 'module', name: 'semaphore' }))
  const [running, setRunning] = useState(false)
  const look = useRef<(() => View) | null>(null)
  // Redrawn a few times a second from the shared board while the tasks run.
  const { view, reset } = useLiveView<View | null>(() => null, running, { perSecond: 7, refresh: (v) => look.current?.() ?? v })

  const demo = useDemo({
    id: 'semaphore',
    controls,
    requiresIsolation: true,
    run: async ({ permits, tasks, seconds }, { signal }) => {
      const memory = allocate({ semaphore: ThreadingSemaphore.bytes, board: SemaphoreBoard.bytes(tasks), start: Barrier.bytes })
      ThreadingSemaphore.create(permits, { bounded: true, region: memory.semaphore })
      Barrier.create(tasks, memory.start)
      const board = new SemaphoreBoard(memory.board, tasks)
      board.reset()
      reset({ board: board.read(), permits, at: 0 })
      const spawned = Array.from({ length: tasks }, () => group.spawn({ signal }))
      try {
        await Promise.all(spawned.map(({ api }) => api.ready()))
        const t0 = now()
        look.current = () => ({ board: board.read(), permits, at: now() - t0 })
        setRunning(true)
        await Promise.all(spawned.map(({ api }, id) => api.run(id, seconds, { ...memory, tasks, t0 })))
        const ms = now() - t0
        const final = board.read()
        reset({ board: final, permits, at: ms })
        const maxInside = final.mostInside
        const waves = Math.ceil(tasks / permits)
        return {
          result: { maxInside, tasks },
          summary:
            `${tasks} task${tasks === 1 ? '' : 's'}, ${permits} permit${permits === 1 ? '' : 's'}: at most ${maxInside} inside at once. ` +
            `All done in ${(ms / 1000).toFixed(1)} s, about ${waves} turn${waves === 1 ? '' : 's'} of ${seconds} s.`,
        }
      } finally {
        look.current = null
        setRunning(false)
        group.terminateAll()
      }
    },
  })

  const board = view?.board
  const byPhase = (phase: string) =>
    (board?.tasks ?? [])
      .map((task, id) => ({ ...task, id }))
      .filter((task) => task.phase === phase)
      .sort((a, b) => (a.waitAt ?? 0) - (b.waitAt ?? 0))
      .map((task) => task.id)
  const inside = byPhase('inside')

  return (
    <DemoFrame
      demo={demo}
      title="A semaphore lets k in at a time"
      description="Every task wants in at once. The semaphore hands out its permits; the rest wait until someone leaves and releases one."
      runLabel="the tasks"
    >
      {view && board ? (
        <>
          <Stats>
            <Stat label="Inside now">{board.inside} / {view.permits}</Stat>
            <Stat label="Most inside at once">{board.mostInside}</Stat>
            <Stat label="Waiting">{byPhase('waiting').length}</Stat>
            <Stat label="Done">{byPhase('done').length}</Stat>
          </Stats>
          <div className="mb-4 grid gap-3 sm:grid-cols-3">
            <section aria-label="Waiting for a permit" className="rounded-lg border border-border bg-surface-2 p-3">
              <h4 className="m-0 mb-2 text-sm font-semibold">Waiting in acquire()</h4>
              <Chips ids={byPhase('waiting')} empty="Nobody waiting." />
            </section>
            <section aria-label="Inside, holding a permit" className="rounded-lg border-2 border-thread bg-thread-soft p-3">
              <h4 className="m-0 mb-2 text-sm font-semibold">Inside the with block</h4>
              <ol className="m-0 flex list-none flex-wrap gap-1.5 p-0">
                {Array.from({ length: view.permits }, (_, slot) => (
                  <li
                    key={slot}
                    className="min-w-19 rounded-md border border-dashed border-thread bg-bg px-2 py-0.5 text-center font-mono text-sm whitespace-nowrap"
                  >
                    {inside[slot] !== undefined ? `Task ${inside[slot]}` : <span className="text-muted">free</span>}
                  </li>
                ))}
              </ol>
            </section>
            <section aria-label="Finished" className="rounded-lg border border-border bg-surface-2 p-3">
              <h4 className="m-0 mb-2 text-sm font-semibold">Done</h4>
              <Chips ids={byPhase('done')} empty="None yet." />
            </section>
          </div>
          <Timeline lanes={lanesOf(board)} now={view.at} label="When each task waited and when it was inside" />
        </>
      ) : null}
    </DemoFrame>
  )
}
