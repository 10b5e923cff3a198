/**
 * The proof of a fix: every schedule, checked. The schedules of two small threads are far too many
 * to run one by one (free-threaded, billions), but they pass through few distinct states, so the
 * search visits each state once and counts the schedules through it.
 */
import { initial, runnable, step, stuck, type SchedulerInterpreter, type World } from './machine'
import { violation } from './invariants'
import type { Program } from './programs'

export type Proof = {
  interpreter: SchedulerInterpreter
  /** Every complete schedule: each ends with all threads finished, stuck, or the invariant broken. */
  schedules: number
  /** Those that break the invariant. */
  broken: number
  /** Distinct states visited. */
  states: number
  /** The shortest schedule that breaks it (threads by index), or null if none does. */
  counterexample: number[] | null
}

const key = (world: World) => JSON.stringify([world.globals, world.sync, world.threads])

export function prove(program: Program, interpreter: SchedulerInterpreter): Proof {
  const memo = new Map<string, { schedules: number; broken: number }>()
  const visit = (world: World): { schedules: number; broken: number } => {
    const k = key(world)
    const known = memo.get(k)
    if (known) return known
    let result: { schedules: number; broken: number }
    if (violation(world)) result = { schedules: 1, broken: 1 }
    else if (stuck(world)) result = { schedules: 1, broken: 0 }
    else {
      result = { schedules: 0, broken: 0 }
      world.threads.forEach((_, t) => {
        if (!runnable(world, t)) return
        const sub = visit(step(world, t))
        result.schedules += sub.schedules
        result.broken += sub.broken
      })
    }
    memo.set(k, result)
    return result
  }
  const start = initial(program, interpreter)
  const { schedules, broken } = visit(start)
  return { interpreter, schedules, broken, states: memo.size, counterexample: broken ? shortestBreak(start) : null }
}

/** Breadth first, so the counterexample the learner replays is as short as it can be. */
function shortestBreak(start: World): number[] | null {
  const seen = new Set([key(start)])
  let frontier = [start]
  while (frontier.length) {
    const next: World[] = []
    for (const world of frontier) {
      for (let t = 0; t < world.threads.length; t++) {
        if (!runnable(world, t)) continue
        const after = step(world, t)
        if (violation(after)) return after.steps.map((s) => s.thread)
        const k = key(after)
        if (!seen.has(k)) {
          seen.add(k)
          next.push(after)
        }
      }
    }
    frontier = next
  }
  return null
}
