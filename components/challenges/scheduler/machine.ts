/**
 * The scheduler challenges' machine: it runs CPython 3.11's own bytecode for each thread (the
 * instructions `dis` recorded), one thread at a time, as the learner schedules them.
 *
 * Where the scheduler may switch threads is the counter's and the race stepper's `interpreter`:
 * with the GIL (CPython 3.10 and later), a running thread lets it go only where the eval loop checks
 * for a waiting thread, which is after a CALL, at a backward jump, on entering a function written in
 * Python (threading.Semaphore's methods are), and when it blocks on a lock or finishes. Free-threaded
 * (3.13t), there is no GIL, and another thread may run between any two instructions.
 */
import type { Interpreter } from '@/workers/entry/counter.worker'
import { bytecodeOf, type Instruction } from './bytecode'
import type { Program } from './programs'

/** The two interpreters the scheduler plays: CPython 3.11 with the GIL, and free-threaded CPython. */
export type SchedulerInterpreter = Extract<Interpreter, 'gil' | 'free-threaded'>

type Sync = { kind: 'lock'; holder: number | null } | { kind: 'semaphore'; value: number; initial: number; bounded: boolean }

/** A Python value on a thread's stack or in a variable. Objects are named by their global. */
export type Value =
  | null // None
  | number
  | string
  | boolean
  | { kind: 'NULL' }
  | { kind: 'builtin'; name: 'print' }
  | { kind: 'object'; name: string }
  | { kind: 'method'; name: 'acquire' | 'release' }
  | { kind: 'exit'; of: string }

export type ThreadState = {
  name: string
  /** Index of the next instruction. */
  pc: number
  stack: Value[]
  locals: Record<string, Value>
  status: 'ready' | 'finished' | 'raised'
  /** The exception that ended it, as CPython prints its last line. */
  error?: string
}

/** What one instruction did that the learner can see. */
export type Effect =
  | { kind: 'load' | 'store'; name: string; value: Value }
  | { kind: 'print'; text: string }
  | { kind: 'compare'; text: string; result: boolean }
  | { kind: 'acquire' | 'release'; name: string }
  | { kind: 'raise'; error: string }

/** One scheduling step: which thread ran, the instructions it ran and what they did. */
export type Step = { thread: number; ran: number[]; effects: Effect[][]; end: 'switch' | 'blocked' | 'finished' | 'raised' }

export type World = {
  program: Program
  interpreter: SchedulerInterpreter
  globals: Record<string, Value>
  sync: Record<string, Sync>
  threads: ThreadState[]
  /** Lines printed, in order, by thread. */
  output: { thread: number; text: string }[]
  /** Every step so far; `schedule(world)` is its threads. */
  steps: Step[]
}

export const code = (world: World, thread: number): Instruction[] => bytecodeOf(world.program.threads[thread]!.source)

export function initial(program: Program, interpreter: SchedulerInterpreter): World {
  const globals: Record<string, Value> = {}
  const sync: Record<string, Sync> = {}
  for (const [name, shared] of Object.entries(program.shared)) {
    if (shared.kind === 'int') globals[name] = shared.value
    else {
      globals[name] = { kind: 'object', name }
      sync[name] =
        shared.kind === 'lock' ? { kind: 'lock', holder: null } : { kind: 'semaphore', value: shared.value, initial: shared.value, bounded: shared.bounded }
    }
  }
  return {
    program,
    interpreter,
    globals,
    sync,
    threads: program.threads.map(({ name }) => ({ name, pc: 0, stack: [], locals: {}, status: 'ready' })),
    output: [],
    steps: [],
  }
}

const isObject = (v: Value | undefined): v is { kind: 'object'; name: string } => typeof v === 'object' && v !== null && v.kind === 'object'

/** The callable a CALL n calls, and its arguments, by CPython 3.11's rule: a method's self comes first. */
function callOperands(stack: Value[], n: number): { callable: Value; args: Value[] } {
  const below = stack[stack.length - n - 2]
  const isMethod = !(typeof below === 'object' && below !== null && below.kind === 'NULL')
  return isMethod ? { callable: below!, args: stack.slice(stack.length - n - 1) } : { callable: stack[stack.length - n - 1]!, args: stack.slice(stack.length - n) }
}

/** The synchronisation object an instruction is about to acquire or release, and which. */
function syncCall(world: World, thread: ThreadState, ins: Instruction): { name: string; op: 'acquire' | 'release' } | null {
  if (ins.opname === 'BEFORE_WITH') {
    const manager = thread.stack.at(-1)
    return isObject(manager) && world.sync[manager.name] ? { name: manager.name, op: 'acquire' } : null
  }
  if (ins.opname !== 'CALL') return null
  const { callable, args } = callOperands(thread.stack, ins.arg!)
  if (typeof callable !== 'object' || callable === null) return null
  if (callable.kind === 'exit') return { name: callable.of, op: 'release' }
  if (callable.kind === 'method' && isObject(args[0])) return { name: args[0].name, op: callable.name }
  return null
}

/** Why thread `t` cannot run its next instruction now, or null if it can. */
export function blocked(world: World, t: number): { why: 'finished' } | { why: 'waiting'; on: string } | null {
  const thread = world.threads[t]!
  if (thread.status !== 'ready') return { why: 'finished' }
  const call = syncCall(world, thread, code(world, t)[thread.pc]!)
  if (call?.op !== 'acquire') return null
  const sync = world.sync[call.name]!
  const free = sync.kind === 'lock' ? sync.holder === null : sync.value > 0
  return free ? null : { why: 'waiting', on: call.name }
}

/** Whether the object is written in Python (threading.Semaphore) rather than C (threading.Lock). */
const inPython = (world: World, name: string) => world.sync[name]?.kind === 'semaphore'

/** Where the GIL may change hands around the instruction at the thread's pc. */
function switchPoints(world: World, t: number): { before: boolean; after: boolean } {
  const thread = world.threads[t]!
  const ins = code(world, t)[thread.pc]!
  const call = syncCall(world, thread, ins)
  // Entering a Python function checks for a waiting thread (RESUME), before it does anything.
  const python = call !== null && inPython(world, call.name)
  return {
    before: python,
    after: ins.opname === 'CALL' || ins.opname === 'JUMP_BACKWARD' || (ins.opname === 'BEFORE_WITH' && python),
  }
}

export const pyStr = (v: Value): string => (v === null ? 'None' : v === true ? 'True' : v === false ? 'False' : typeof v === 'object' ? `<${v.kind}>` : String(v))

const compare: Record<string, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
}

const binary: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '+=': (a, b) => a + b,
  '-': (a, b) => a - b,
  '-=': (a, b) => a - b,
}

/** Runs one instruction of thread `t` in place (the caller has copied the world). */
function execute(world: World, t: number): Effect[] {
  const thread = world.threads[t]!
  const ins = code(world, t)[thread.pc]!
  const { stack } = thread
  const effects: Effect[] = []
  const pop = () => stack.pop()!
  let next = thread.pc + 1
  const jump = (offset: number) => (next = code(world, t).findIndex((i) => i.offset === offset))
  const raise = (error: string) => {
    thread.status = 'raised'
    thread.error = error
    effects.push({ kind: 'raise', error })
  }
  const acquire = (name: string) => {
    const sync = world.sync[name]!
    if (sync.kind === 'lock') sync.holder = t
    else sync.value -= 1
    effects.push({ kind: 'acquire', name })
  }
  const release = (name: string) => {
    const sync = world.sync[name]!
    if (sync.kind === 'lock') {
      if (sync.holder === null) return raise('RuntimeError: release unlocked lock')
      sync.holder = null
    } else {
      if (sync.bounded && sync.value >= sync.initial) return raise('ValueError: Semaphore released too many times')
      sync.value += 1
    }
    effects.push({ kind: 'release', name })
  }

  switch (ins.opname) {
    case 'RESUME':
    case 'NOP':
    case 'PRECALL':
      break
    case 'PUSH_NULL':
      stack.push({ kind: 'NULL' })
      break
    case 'LOAD_GLOBAL': {
      if (ins.arg! & 1) stack.push({ kind: 'NULL' })
      const name = ins.argval as string
      if (name in world.globals) {
        const value = world.globals[name]!
        stack.push(value)
        if (typeof value === 'number') effects.push({ kind: 'load', name, value })
      }
      else if (name === 'print') stack.push({ kind: 'builtin', name })
      else throw new Error(`NameError: name '${name}' is not defined`)
      break
    }
    case 'LOAD_CONST':
      stack.push(ins.argval)
      break
    case 'LOAD_FAST':
      stack.push(thread.locals[ins.argval as string]!)
      break
    case 'STORE_FAST':
      thread.locals[ins.argval as string] = pop()
      break
    case 'STORE_GLOBAL': {
      const value = pop()
      world.globals[ins.argval as string] = value
      effects.push({ kind: 'store', name: ins.argval as string, value })
      break
    }
    case 'POP_TOP':
      pop()
      break
    case 'BINARY_OP': {
      const b = pop() as number
      const a = pop() as number
      stack.push(binary[ins.argrepr]!(a, b))
      break
    }
    case 'COMPARE_OP': {
      const b = pop() as number
      const a = pop() as number
      const result = compare[ins.argval as string]!(a, b)
      effects.push({ kind: 'compare', text: `${pyStr(a)} ${ins.argval} ${pyStr(b)}`, result })
      stack.push(result)
      break
    }
    case 'POP_JUMP_FORWARD_IF_FALSE':
      if (!pop()) jump(ins.argval as number)
      break
    case 'POP_JUMP_FORWARD_IF_TRUE':
      if (pop()) jump(ins.argval as number)
      break
    case 'JUMP_FORWARD':
    case 'JUMP_BACKWARD':
      jump(ins.argval as number)
      break
    case 'LOAD_METHOD': {
      const self = pop()
      const name = ins.argval as string
      if (!isObject(self) || (name !== 'acquire' && name !== 'release')) throw new Error(`No method ${name} in this machine`)
      stack.push({ kind: 'method', name }, self)
      break
    }
    case 'BEFORE_WITH': {
      const manager = pop()
      if (!isObject(manager)) throw new Error('BEFORE_WITH on a value that is not a lock or semaphore')
      stack.push({ kind: 'exit', of: manager.name })
      acquire(manager.name)
      stack.push(true) // what __enter__ returned: Lock.__enter__ and Semaphore.__enter__ return True
      break
    }
    case 'CALL': {
      const n = ins.arg!
      const { callable, args } = callOperands(stack, n)
      stack.length -= n + 2
      let result: Value = null
      if (typeof callable === 'object' && callable?.kind === 'builtin') {
        const text = args.map(pyStr).join(' ')
        world.output.push({ thread: t, text })
        effects.push({ kind: 'print', text })
      } else if (typeof callable === 'object' && callable?.kind === 'exit') release(callable.of)
      else if (typeof callable === 'object' && callable?.kind === 'method' && isObject(args[0])) {
        if (callable.name === 'acquire') {
          acquire(args[0].name)
          result = true
        } else release(args[0].name)
      } else throw new Error(`CALL of ${pyStr(callable)} is not in this machine`)
      if (thread.status === 'ready') stack.push(result)
      break
    }
    case 'RETURN_VALUE':
      pop()
      thread.status = 'finished'
      break
    default:
      // Only the exception handlers hold other instructions, and an exception ends the thread first.
      throw new Error(`${ins.opname} is not in this machine`)
  }
  if (thread.status === 'ready') thread.pc = next
  return effects
}

/** Whether thread `t` may be picked: it has an instruction to run and is not waiting. */
export const runnable = (world: World, t: number) => blocked(world, t) === null

/**
 * Thread `t` runs until the GIL may change hands (free-threaded: one instruction), or until it
 * blocks or ends. Returns the new world; throws if the thread cannot run.
 */
export function step(world: World, t: number): World {
  const reason = blocked(world, t)
  if (reason) throw new Error(`${world.threads[t]!.name} cannot run: ${reason.why === 'finished' ? 'it has finished' : `it waits for ${reason.on}`}`)
  const next = structuredClone({ ...world, program: null }) as unknown as World
  next.program = world.program
  const thread = next.threads[t]!
  const ran: number[] = []
  const effects: Effect[][] = []
  let end: Step['end']
  for (;;) {
    const switches = switchPoints(next, t)
    ran.push(code(next, t)[thread.pc]!.offset)
    effects.push(execute(next, t))
    if (thread.status !== 'ready') {
      end = thread.status
      break
    }
    if (next.interpreter === 'free-threaded' || switches.after) {
      end = 'switch'
      break
    }
    if (blocked(next, t)) {
      end = 'blocked'
      break
    }
    if (switchPoints(next, t).before) {
      end = 'switch'
      break
    }
  }
  next.steps = [...world.steps, { thread: t, ran, effects, end }]
  return next
}

export const schedule = (world: World) => world.steps.map((s) => s.thread)

export function replay(program: Program, interpreter: SchedulerInterpreter, picks: readonly number[]): World {
  return picks.reduce(step, initial(program, interpreter))
}

export const undo = (world: World) => replay(world.program, world.interpreter, schedule(world).slice(0, -1))

/** No thread can run: each has finished, or waits. */
export const stuck = (world: World) => world.threads.every((_, t) => !runnable(world, t))

/** Every thread waits on an object another holds, or on one nobody can release: none can ever run again. */
export const deadlocked = (world: World) => stuck(world) && world.threads.some((th) => th.status === 'ready')

/** Who holds a lock now (for a lock), by thread name. */
export const holder = (world: World, name: string): string | null => {
  const sync = world.sync[name]
  return sync?.kind === 'lock' && sync.holder !== null ? world.threads[sync.holder]!.name : null
}

/**
 * Where the GIL may change hands in thread `t`'s code, by instruction offset: found by running the
 * thread alone, since what a CALL calls (a C function or a Python one) is known only as it runs.
 */
export function switchMarks(program: Program, t: number): Map<number, { before: boolean; after: boolean }> {
  const marks = new Map<number, { before: boolean; after: boolean }>()
  let world = initial(program, 'free-threaded')
  while (runnable(world, t)) {
    const points = switchPoints(world, t)
    if (points.before || points.after) marks.set(code(world, t)[world.threads[t]!.pc]!.offset, points)
    world = step(world, t)
  }
  return marks
}

const said = (e: Effect): string => {
  switch (e.kind) {
    case 'load':
      return `read ${e.name} (${pyStr(e.value)})`
    case 'store':
      return `set ${e.name} = ${pyStr(e.value)}`
    case 'print':
      return `printed “${e.text}”`
    case 'compare':
      return `checked ${e.text}: ${e.result ? 'True' : 'False'}`
    case 'acquire':
      return `acquired ${e.name}`
    case 'release':
      return `released ${e.name}`
    case 'raise':
      return `raised ${e.error}`
  }
}

/** One sentence on what the last step did, for the log and for screen readers. */
export function narrate(after: World): string {
  const world = after
  const s = world.steps.at(-1)!
  const name = world.threads[s.thread]!.name
  const instructions = bytecodeOf(world.program.threads[s.thread]!.source)
  const lines = [...new Set(s.ran.map((offset) => instructions.find((i) => i.offset === offset)!.line))].filter((l) => l !== null)
  const ascending = lines.every((line, i) => i === 0 || line! > lines[i - 1]!)
  const where = lines.length === 1 ? `line ${lines[0]}` : ascending ? `lines ${lines[0]}–${lines.at(-1)}` : `lines ${lines.join(', ')}`
  const did = [...new Set(s.effects.flat().filter((e) => e.kind !== 'raise').map(said))]
  const count = s.ran.length === 1 ? '1 instruction' : `${s.ran.length} instructions`
  const wait = blocked(after, s.thread)
  const end =
    s.end === 'finished'
      ? `${name} returned: it is done.`
      : s.end === 'raised'
        ? `${name} raised ${after.threads[s.thread]!.error} and ended.`
        : wait?.why === 'waiting'
          ? `Now it waits for ${wait.on}${holder(after, wait.on) ? `, which ${holder(after, wait.on)} holds` : ''}.`
          : world.interpreter === 'gil'
            ? 'The GIL may change hands here.'
            : ''
  return `${name} ran ${count} (${where})${did.length ? `: ${did.join(', ')}` : ''}. ${end}`.trim()
}
