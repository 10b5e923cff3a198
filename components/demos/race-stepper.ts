/**
 * The race stepper's rules: two threads each run `value += 1`, which CPython executes as separate
 * bytecode steps — LOAD the value, ADD 1 to it, STORE it back. The learner is the scheduler and
 * picks which thread takes the next step. With a lock, each thread first ACQUIREs it and finally
 * RELEASEs it, and a thread that finds it taken cannot step.
 *
 * Which interleavings are possible depends on the interpreter, as in the counter demo: with the GIL,
 * a thread keeps it from its first step until it reaches a switch point (a call, or its end), so
 * the other thread cannot step in between; free-threaded, either thread may step at any time.
 */
import type { Interpreter } from '@/workers/entry/counter.worker'

export type { Interpreter }
export const threadIds = ['A', 'B'] as const
export type ThreadId = (typeof threadIds)[number]

// #region rules
export type Op = 'acquire' | 'load' | 'call' | 'add' | 'store' | 'release'

/** What both threads run: which interpreter, and whether the increment is inside `with lock:`. */
export type Setup = { interpreter: Interpreter; withLock: boolean }

/**
 * The steps of `value += 1`, or of `value = add_one(value)` (a call between the load and the
 * store); `with lock:` adds acquire and release.
 */
export function program({ interpreter, withLock }: Setup): readonly Op[] {
  const body: Op[] = interpreter === 'gil-call' ? ['load', 'call', 'add', 'store'] : ['load', 'add', 'store']
  return withLock ? ['acquire', ...body, 'release'] : body
}

/**
 * Whether the GIL may change hands after this step: CPython checks for a waiting thread on entering
 * a Python function (the call to add_one) and after a call into C (the lock's release). A thread
 * also hands it over when it finishes.
 */
export const switchPoint = (op: Op) => op === 'call' || op === 'release'

export type ThreadState = {
  /** Index of the next step in `program`; equal to its length once finished. */
  pc: number
  /** What this thread holds on its own stack (null before it loads). */
  local: number | null
}

export type RaceState = {
  setup: Setup
  /** The shared `value` both threads update. */
  value: number
  threads: Record<ThreadId, ThreadState>
  lockHolder: ThreadId | null
  /** The thread that holds the GIL between switch points (never set free-threaded). */
  gilHolder: ThreadId | null
  /** The schedule so far: which thread took each step. Undo drops the last. */
  schedule: ThreadId[]
}

export const initial = (setup: Setup): RaceState => ({
  setup,
  value: 0,
  threads: { A: { pc: 0, local: null }, B: { pc: 0, local: null } },
  lockHolder: null,
  gilHolder: null,
  schedule: [],
})

export type Blocked = 'finished' | 'waiting for the GIL' | 'waiting for the lock'

/** Why a thread cannot take a step now, or null if it can. */
export function blocked(state: RaceState, id: ThreadId): Blocked | null {
  const steps = program(state.setup)
  const { pc } = state.threads[id]
  if (pc >= steps.length) return 'finished'
  if (state.gilHolder !== null && state.gilHolder !== id) return 'waiting for the GIL'
  if (steps[pc] === 'acquire' && state.lockHolder !== null && state.lockHolder !== id) return 'waiting for the lock'
  return null
}

/** The state after thread `id` takes its next step. Throws if it cannot. */
export function step(state: RaceState, id: ThreadId): RaceState {
  const why = blocked(state, id)
  if (why) throw new Error(`Thread ${id} cannot step: ${why}.`)
  const thread = state.threads[id]
  const steps = program(state.setup)
  const op = steps[thread.pc]!
  let { value, lockHolder } = state
  let local = thread.local
  switch (op) {
    case 'acquire':
      lockHolder = id
      break
    case 'load':
      local = value
      break
    case 'call': // add_one(value): the GIL may change hands as add_one starts
      break
    case 'add':
      local = local! + 1
      break
    case 'store':
      value = local!
      break
    case 'release':
      lockHolder = null
      break
  }
  const done = thread.pc + 1 === steps.length
  const gilHolder = state.setup.interpreter === 'free-threaded' || switchPoint(op) || done ? null : id
  return {
    ...state,
    value,
    lockHolder,
    gilHolder,
    threads: { ...state.threads, [id]: { pc: thread.pc + 1, local } },
    schedule: [...state.schedule, id],
  }
}
// #endregion

/** The same run with the last step taken back. Replaying keeps undo exact. */
export function undo(state: RaceState): RaceState {
  return replay(state.setup, state.schedule.slice(0, -1))
}

/** Runs a whole schedule, e.g. `['A', 'B', 'A', …]`, from the start. */
export function replay(setup: Setup, schedule: readonly ThreadId[]): RaceState {
  return schedule.reduce(step, initial(setup))
}

export const finished = (state: RaceState) => threadIds.every((id) => blocked(state, id) === 'finished')

/** Once both threads are done: two increments should give 2; less means an update was lost. */
export function outcome(state: RaceState): { value: number; lostUpdate: boolean } | null {
  if (!finished(state)) return null
  return { value: state.value, lostUpdate: state.value < threadIds.length }
}

/** The steps of `value += 1`, named after CPython's bytecode (LOAD_GLOBAL, BINARY_OP, STORE_GLOBAL) but shortened. */
export const instruction: Record<Op, string> = {
  acquire: 'ACQUIRE lock',
  load: 'LOAD value',
  call: 'CALL add_one',
  add: 'ADD 1',
  store: 'STORE value',
  release: 'RELEASE lock',
}

/** One sentence on what a step just did, for the log and for screen readers. */
export function narrate(before: RaceState, id: ThreadId): string {
  const op = program(before.setup)[before.threads[id].pc]!
  const after = step(before, id)
  const local = after.threads[id].local
  switch (op) {
    case 'acquire':
      return `Thread ${id} acquires the lock.`
    case 'load':
      return `Thread ${id} loads value: it now holds ${local}.`
    case 'call':
      return `Thread ${id} calls add_one(${local}): the GIL may change hands here.`
    case 'add':
      return `Thread ${id} adds 1 to its own copy: ${local}.`
    case 'store': {
      const other = before.threads[id === 'A' ? 'B' : 'A']
      const overwrites = other.pc > program(before.setup).indexOf('store') && before.value >= local!
      return overwrites
        ? `Thread ${id} stores ${local} into value, overwriting thread ${id === 'A' ? 'B' : 'A'}'s update.`
        : `Thread ${id} stores ${local} into value.`
    }
    case 'release':
      return `Thread ${id} releases the lock.`
  }
}

/** Every order in which the scheduler could interleave the two threads. */
export function allSchedules(setup: Setup): ThreadId[][] {
  const done: ThreadId[][] = []
  const explore = (state: RaceState) => {
    const runnable = threadIds.filter((id) => blocked(state, id) === null)
    if (runnable.length === 0) done.push(state.schedule)
    for (const id of runnable) explore(step(state, id))
  }
  explore(initial(setup))
  return done
}
