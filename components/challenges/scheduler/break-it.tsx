'use client'

import { useId, useRef, useState } from 'react'
import { useChallenge } from '@/components/mdx/challenge-client'
import { intact, violation } from './invariants'
import { blocked, initial, narrate, step, stuck, undo, type World } from './machine'
import { programs, type ProgramId } from './programs'
import { SchedulerBoard } from './scheduler-board'

type Board = { world: World; said: string[] }

const fresh = (id: ProgramId): Board => ({ world: initial(programs[id], 'gil'), said: [] })

/** A run ends when the invariant breaks, or when no thread can take another step. */
export const over = (world: World) => violation(world) !== null || stuck(world)

/** The module-level code the threads share, and which function each runs. */
export function Setup({ id }: { id: ProgramId }) {
  const program = programs[id]
  const runs = program.threads.map((t) => `${t.name} runs ${t.source.slice(4, t.source.indexOf('('))}()`).join(', ')
  return (
    <div className="not-prose mt-2 text-sm">
      <pre className="m-0 overflow-x-auto rounded bg-surface-2 p-2 font-mono text-xs">{program.setup.trimEnd()}</pre>
      <p className="m-0 mt-1">
        Threads: {runs}, on CPython 3.11 with the GIL.
      </p>
    </div>
  )
}

/**
 * "Break it": the learner schedules the threads, a step at a time, until the program's invariant
 * breaks (solved), or every thread has finished with it intact (not yet, and why).
 */
export function BreakIt({ program }: { program: 'visits' | 'stock' | 'transfer' | 'slots' }) {
  const { attempt } = useChallenge()
  const id = useId()
  const [variant, setVariant] = useState<ProgramId>(program)
  const [board, setBoard] = useState(() => fresh(program))
  const [notice, setNotice] = useState('')
  // A ref, not state: two quick key presses must each see the other's step.
  const latest = useRef(board)
  const show = (next: Board) => {
    latest.current = next
    setBoard(next)
  }

  function pick(t: number) {
    const { world, said } = latest.current
    const name = world.threads[t]!.name
    if (over(world)) return setNotice('This run is over: Start over to try another schedule.')
    const why = blocked(world, t)
    if (why) return setNotice(why.why === 'finished' ? `${name} has finished.` : `${name} cannot run: it waits for ${why.on}.`)
    const next = step(world, t)
    const line = narrate(next)
    show({ world: next, said: [...said, line] })
    setNotice(line)
    const broken = violation(next)
    if (broken) attempt({ solved: true, message: broken })
    else if (stuck(next)) attempt({ solved: false, message: intact(next) })
  }

  function back() {
    const { world, said } = latest.current
    if (!world.steps.length) return setNotice('Nothing to undo.')
    show({ world: undo(world), said: said.slice(0, -1) })
    setNotice(`Undid: ${said.at(-1)}`)
  }

  function reset(to: ProgramId = variant) {
    show(fresh(to))
    setNotice('Back to the start.')
  }

  return (
    <div>
      {program === 'slots' ? (
        <fieldset className="not-prose mt-2 flex flex-wrap gap-4 text-sm">
          <legend className="font-semibold">slots is a</legend>
          {(['slots', 'slots-bounded'] as const).map((option) => (
            <label key={option} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-class`}
                checked={variant === option}
                onChange={() => {
                  setVariant(option)
                  reset(option)
                }}
              />
              <code>{option === 'slots' ? 'Semaphore(1)' : 'BoundedSemaphore(1)'}</code>
            </label>
          ))}
        </fieldset>
      ) : null}
      <Setup id={variant} />
      <SchedulerBoard world={board.world} said={board.said} notice={notice} over={over(board.world)} onPick={pick} onUndo={back} onReset={() => reset()} />
    </div>
  )
}
