/**
 * A small asyncio, written to be watched. Coroutines are generator functions that yield effects
 * (sleep, gather, create_task, await a task…); the loop runs them the way CPython's
 * `BaseEventLoop._run_once` does: a FIFO ready queue of callbacks, timers in order of time (CPython
 * keeps a heap; a sorted array reads the same), one callback at a time, a task resumed only through a
 * callback. `step()` advances one visible event and returns a
 * snapshot, so a visualizer can play, pause and step through exactly what the loop did.
 *
 * Time is virtual (milliseconds): sleeping costs nothing, and a CPU-bound step moves the clock while
 * the loop is blocked. `trace` uses the format of `scripts/trace-asyncio.py`, which records the same
 * events from CPython, so the two can be compared line by line.
 */

// #region effects
/** What a coroutine can ask of the loop. `line` is the Python line it stands for. */
export type Effect =
  | { op: 'sleep'; ms: number; line: number }
  | { op: 'gather'; coros: Coroutine[]; line: number }
  | { op: 'create_task'; coro: Coroutine; line: number }
  | { op: 'await_task'; task: TaskRef; line: number }
  | { op: 'enter'; coro: Coroutine; line: number }
  | { op: 'exit'; value: unknown }
  | { op: 'print'; text: string; line: number }
  | { op: 'block'; ms: number; line: number }
  | { op: 'clock' }

type Body<T> = Generator<Effect, T, unknown>

/** A coroutine object: calling an `async def` creates one, and nothing runs until it is awaited or wrapped in a task. */
export type Coroutine<T = unknown> = {
  /** The Python function's name, e.g. `fetch_data`. */
  fn: string
  /** How it was called, e.g. `fetch_data()`. */
  call: string
  /** The `async def` line and the function's last line. */
  defLine: number
  lastLine: number
  body: () => Body<T>
}

/** A task as a coroutine sees it: something to await. */
export type TaskRef<T = unknown> = { readonly name: string; readonly __result?: T }

/** `await asyncio.sleep(seconds)` */
export function* sleep(seconds: number, line: number): Body<void> {
  yield { op: 'sleep', ms: Math.round(seconds * 1000), line }
}

/** `await asyncio.gather(*coros)`: one task per coroutine; the results in order. */
export function* gather<T>(line: number, ...coros: Coroutine<T>[]): Body<T[]> {
  return (yield { op: 'gather', coros, line }) as T[]
}

/** `asyncio.create_task(coro)`: scheduled to start, but the caller keeps running. */
export function* createTask<T>(coro: Coroutine<T>, line: number): Body<TaskRef<T>> {
  return (yield { op: 'create_task', coro, line }) as TaskRef<T>
}

/** `await task` */
export function* awaitTask<T>(task: TaskRef<T>, line: number): Body<T> {
  return (yield { op: 'await_task', task, line }) as T
}

/** `await coro()`: the coroutine runs inside the caller's task, like a function call. */
export function* awaitCoro<T>(coro: Coroutine<T>, line: number): Body<T> {
  yield { op: 'enter', coro, line }
  const value = yield* coro.body()
  yield { op: 'exit', value }
  return value
}

/** `print(...)` */
export function* print(text: string, line: number): Body<void> {
  yield { op: 'print', text, line }
}

/** CPU-bound Python code that never awaits: the clock moves on and nothing else can run. */
export function* block(ms: number, line: number): Body<void> {
  yield { op: 'block', ms, line }
}

/** `time.perf_counter()` on the loop's clock, in seconds. */
export function* perfCounter(): Body<number> {
  return (yield { op: 'clock' }) as number
}
// #endregion

/** Builds the coroutine functions of one Python source, finding their lines by their text. */
export function pythonSource(source: string) {
  const lines = source.split('\n')
  const lineOf = (snippet: string, from = 1, to = lines.length) => {
    const found: number[] = []
    for (let n = from; n <= to; n++) if (lines[n - 1]!.includes(snippet)) found.push(n)
    if (found.length !== 1) throw new Error(`"${snippet}" is on ${found.length} lines of the Python source, not exactly one`)
    return found[0]!
  }
  /** `async def <name>` and a finder for lines inside its body. */
  function def(name: string) {
    const defLine = lineOf(`def ${name}(`)
    const indent = (n: number) => /^\s*/.exec(lines[n - 1]!)![0].length
    let lastLine = defLine
    for (let n = defLine + 1; n <= lines.length && (lines[n - 1]!.trim() === '' || indent(n) > indent(defLine)); n++) {
      if (lines[n - 1]!.trim() !== '') lastLine = n
    }
    return { defLine, lastLine, line: (snippet: string) => lineOf(snippet, defLine + 1, lastLine) }
  }
  /** An `async def`: a function that returns a coroutine object. */
  function coroutine<A extends unknown[], T>(
    name: string,
    body: (at: (snippet: string) => number, ...args: A) => Body<T>,
    callText: (...args: A) => string = () => `${name}()`,
  ) {
    const { defLine, lastLine, line } = def(name)
    return (...args: A): Coroutine<T> => ({ fn: name, call: callText(...args), defLine, lastLine, body: () => body(line, ...args) })
  }
  return { coroutine, lineOf }
}

type Callback = { kind: 'wakeup'; task: Task } | { kind: 'gather'; gathering: Gathering } | { kind: 'stop' }

/** An `asyncio.Future`: done once, then its callbacks are scheduled with `call_soon`. */
class Future {
  done = false
  value: unknown = undefined
  callbacks: Callback[] = []
}

type Gathering = { future: Future; children: Task[]; finished: number }

export type TaskState = 'scheduled' | 'running' | 'waiting' | 'done'

class Task extends Future implements TaskRef {
  state: TaskState = 'scheduled'
  /** The coroutines this task is inside, outermost first, each with the line it is at. */
  stack: { fn: string; call: string; line: number; lastLine: number }[]
  /** What the task is suspended on, for display. */
  waitingOn: string | null = null
  started = false
  readonly generator: Body<unknown>

  constructor(
    readonly name: string,
    readonly coro: Coroutine,
  ) {
    super()
    this.generator = coro.body()
    this.stack = [{ fn: coro.fn, call: coro.call, line: coro.defLine, lastLine: coro.lastLine }]
  }
}

/** A callback in the ready queue, as CPython names it. */
type Handle =
  | { kind: 'step'; task: Task }
  | { kind: 'wakeup'; task: Task; future: Future }
  | { kind: 'timer'; future: Future; waiter: string }
  | { kind: 'gather'; gathering: Gathering; child: Task }
  | { kind: 'stop' }

type Timer = { when: number; seq: number; future: Future; waiter: string }

/** A callback in the ready queue; `other` is one of the loop's callbacks a traced program may add (e.g. wait_for's timeout). */
export type HandleView = { kind: Handle['kind'] | 'other'; task: string | null; label: string }
export type TimerView = { when: number; task: string; label: string }
export type TaskView = {
  name: string
  coro: string
  state: TaskState
  /** False until the loop first runs its step: a task does not start when it is created. */
  started: boolean
  /** Innermost last. */
  stack: { fn: string; line: number }[]
  waitingOn: string | null
  result: string | null
}

export type EventKind =
  | 'start'
  | 'select'
  | 'timers-due'
  | 'handle'
  | 'resume'
  | 'print'
  | 'create-task'
  | 'call'
  | 'return'
  | 'suspend'
  | 'await-done'
  | 'block'
  | 'task-done'
  | 'stop'
  /** A traced program only: it raised, or was stopped (step limit, endless computing, nothing left to wait for). */
  | 'error'
  | 'limit'

/** One frame: what just happened, and the whole loop as it is now. */
export type Snapshot = {
  step: number
  /** Loop time in milliseconds. */
  time: number
  event: { kind: EventKind; text: string; task: string | null; line: number | null }
  running: string | null
  /** The running task is in CPU-bound code: the loop cannot run anything else. */
  blocked: boolean
  ready: HandleView[]
  timers: TimerView[]
  tasks: TaskView[]
  output: string[]
  finished: boolean
}

/** Python's `repr` for the values these examples use. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replaceAll("'", "\\'")}'`
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`
  if (value instanceof Task) return `<Task ${value.name}>`
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`
  }
  return String(value)
}

const seconds = (ms: number) => (ms / 1000).toFixed(1)

/**
 * The event loop. `asyncio.run(main())` creates the first task and a callback that stops the loop
 * when it finishes; then every `step()` does one thing `_run_once` would do.
 */
export class EventLoop {
  #time = 0
  #ready: Handle[] = []
  #timers: Timer[] = []
  #timerSeq = 0
  #tasks: Task[] = []
  #output: string[] = []
  #trace: string[] = []
  /** Callbacks left in the current pass over the ready queue (`ntodo` in CPython). */
  #todo = 0
  #running: Task | null = null
  /** The value to send into the running task's coroutine on its next step. */
  #send: unknown = undefined
  #blocked = false
  #stopped = false
  #finished = false
  #step = 0
  #last: Snapshot

  constructor(main: Coroutine) {
    const task = this.#createTask(main)
    task.callbacks.push({ kind: 'stop' })
    this.#last = this.#snapshot({ kind: 'start', text: `asyncio.run(${main.call}) wraps it in ${task.name} and starts the loop.`, task: task.name, line: null })
  }

  get finished() {
    return this.#finished
  }
  /** CPython's trace of the same program, line for line (see scripts/trace-asyncio.py). */
  get trace(): readonly string[] {
    return this.#trace
  }
  get output(): readonly string[] {
    return this.#output
  }
  get time() {
    return this.#time
  }
  get snapshot() {
    return this.#last
  }

  /** Advances by one visible event. */
  step(): Snapshot {
    if (this.#finished) return this.#last
    this.#step++
    this.#last = this.#advance()
    return this.#last
  }

  /** Runs to the end (with a bound, in case a program never finishes). */
  runToEnd(maxSteps = 10_000): Snapshot[] {
    const frames: Snapshot[] = []
    while (!this.#finished && frames.length < maxSteps) frames.push(this.step())
    return frames
  }

  // #region run-once
  #advance(): Snapshot {
    this.#blocked = false
    if (this.#running) return this.#resume(this.#running)
    if (this.#todo > 0) {
      this.#todo--
      return this.#run(this.#ready.shift()!)
    }
    // A new pass of _run_once.
    if (this.#stopped) {
      this.#finished = true
      return this.#snapshot({ kind: 'stop', text: 'The loop has stopped: asyncio.run returns.', task: null, line: null })
    }
    let waited: number | null = null
    if (this.#ready.length === 0) {
      const next = this.#timers[0]
      if (!next) throw new Error('Nothing is ready and no timer is set: the program can never finish.')
      waited = next.when - this.#time
      this.#time = next.when
    }
    const due: Timer[] = []
    while (this.#timers.length && this.#timers[0]!.when <= this.#time) due.push(this.#timers.shift()!)
    for (const timer of due) this.#ready.push({ kind: 'timer', future: timer.future, waiter: timer.waiter })
    this.#todo = this.#ready.length
    if (waited !== null) {
      return this.#snapshot({
        kind: 'select',
        text:
          `Nothing is ready, so the loop sleeps in select() for ${seconds(waited)} s until the next timer` +
          (due.length > 1 ? `; ${due.length} timers come due and join the ready queue.` : '; its callback joins the ready queue.'),
        task: null,
        line: null,
      })
    }
    if (due.length) {
      return this.#snapshot({
        kind: 'timers-due',
        text: `${due.length === 1 ? 'A timer has' : `${due.length} timers have`} come due: ${due.length === 1 ? 'its callback joins' : 'their callbacks join'} the back of the ready queue.`,
        task: null,
        line: null,
      })
    }
    this.#todo--
    return this.#run(this.#ready.shift()!)
  }

  /** Runs one callback from the ready queue. */
  #run(handle: Handle): Snapshot {
    switch (handle.kind) {
      case 'step':
      case 'wakeup': {
        const task = handle.task
        this.#log(`${handle.kind} ${task.name}`)
        this.#running = task
        task.state = 'running'
        task.waitingOn = null
        this.#send = handle.kind === 'wakeup' ? handle.future.value : undefined
        const first = !task.started
        task.started = true
        const frame = task.stack.at(-1)!
        return this.#snapshot({
          kind: 'resume',
          text: first
            ? `${task.name}.__step() runs: ${task.coro.call} starts, at last.`
            : handle.kind === 'wakeup'
              ? `${task.name}.__wakeup(): what it awaited is done, so ${frame.fn}() resumes where it paused.`
              : `${task.name}.__step(): ${frame.fn}() resumes.`,
          task: task.name,
          line: frame.line,
        })
      }
      case 'timer': {
        this.#log(`timer ${handle.waiter}`)
        this.#resolve(handle.future, undefined)
        return this.#snapshot({
          kind: 'handle',
          text: `The timer's callback sets the sleep's future done, which schedules ${handle.waiter}.__wakeup().`,
          task: null,
          line: null,
        })
      }
      case 'gather': {
        const { gathering, child } = handle
        this.#log(`gather ${child.name}`)
        gathering.finished++
        const all = gathering.finished === gathering.children.length
        if (all) this.#resolve(gathering.future, gathering.children.map((c) => c.value))
        return this.#snapshot({
          kind: 'handle',
          text:
            `gather sees ${child.name} finish (${gathering.finished} of ${gathering.children.length})` +
            (all ? ': all done, so its future gets the list of results and wakes the task awaiting it.' : '.'),
          task: null,
          line: null,
        })
      }
      case 'stop': {
        this.#log('stop')
        this.#stopped = true
        return this.#snapshot({ kind: 'handle', text: 'The main task is done: asyncio.run stops the loop.', task: null, line: null })
      }
    }
  }

  // #endregion

  /** Sends the running task one step further, to its next visible effect. */
  #resume(task: Task): Snapshot {
    const frame = () => task.stack.at(-1)!
    for (;;) {
      const next = task.generator.next(this.#send)
      this.#send = undefined
      if (next.done) {
        this.#running = null
        task.state = 'done'
        const { fn, lastLine } = frame()
        frame().line = lastLine
        this.#resolve(task, next.value)
        return this.#snapshot({
          kind: 'task-done',
          text: `${fn}() returns ${pyRepr(next.value)}: ${task.name} is done, and its done-callbacks are scheduled.`,
          task: task.name,
          line: lastLine,
        })
      }
      const effect = next.value
      if (effect.op === 'clock') {
        this.#send = this.#time / 1000
        continue
      }
      if (effect.op !== 'exit') frame().line = effect.line
      switch (effect.op) {
        case 'print': {
          this.#output.push(effect.text)
          this.#log(`print ${effect.text}`)
          return this.#snapshot({ kind: 'print', text: `${task.name} prints a line.`, task: task.name, line: effect.line })
        }
        case 'create_task': {
          const child = this.#createTask(effect.coro)
          this.#send = child
          return this.#snapshot({
            kind: 'create-task',
            text: `create_task wraps ${effect.coro.call} in ${child.name} and puts its first step in the ready queue. ${task.name} keeps running: nothing else runs until it awaits.`,
            task: task.name,
            line: effect.line,
          })
        }
        case 'enter': {
          const { coro } = effect
          task.stack.push({ fn: coro.fn, call: coro.call, line: coro.defLine, lastLine: coro.lastLine })
          return this.#snapshot({
            kind: 'call',
            text: `await ${coro.call} runs the coroutine right here, inside ${task.name}, like a function call: no new task, nothing scheduled.`,
            task: task.name,
            line: coro.defLine,
          })
        }
        case 'exit': {
          const done = task.stack.pop()!
          return this.#snapshot({
            kind: 'return',
            text: `${done.fn}() returns ${pyRepr(effect.value)} to ${frame().fn}(), which carries on in the same step.`,
            task: task.name,
            line: frame().line,
          })
        }
        case 'block': {
          this.#time += effect.ms
          this.#blocked = true
          return this.#snapshot({
            kind: 'block',
            text: `${task.name} computes for ${seconds(effect.ms)} s without awaiting. The loop is stuck inside this one callback: timers come due, but nothing can run.`,
            task: task.name,
            line: effect.line,
          })
        }
        case 'sleep': {
          if (effect.ms <= 0) {
            this.#suspend(task, 'its turn (sleep(0))')
            task.state = 'scheduled'
            this.#ready.push({ kind: 'step', task })
            return this.#snapshot({
              kind: 'suspend',
              text: `asyncio.sleep(0) yields once: ${task.name} goes to the back of the ready queue.`,
              task: task.name,
              line: effect.line,
            })
          }
          const future = new Future()
          future.callbacks.push({ kind: 'wakeup', task })
          this.#pushTimer({ when: this.#time + effect.ms, seq: this.#timerSeq++, future, waiter: task.name })
          this.#suspend(task, `sleep(${effect.ms / 1000}) until ${seconds(this.#time + effect.ms)} s`)
          return this.#snapshot({
            kind: 'suspend',
            text: `asyncio.sleep(${effect.ms / 1000}) sets a timer for ${seconds(this.#time + effect.ms)} s and ${task.name} suspends, handing the loop back.`,
            task: task.name,
            line: effect.line,
          })
        }
        case 'gather': {
          const children = effect.coros.map((coro) => this.#createTask(coro))
          const gathering: Gathering = { future: new Future(), children, finished: 0 }
          for (const child of children) child.callbacks.push({ kind: 'gather', gathering })
          gathering.future.callbacks.push({ kind: 'wakeup', task })
          this.#suspend(task, `gather(${children.map((c) => c.name).join(', ')})`)
          return this.#snapshot({
            kind: 'suspend',
            text: `gather wraps each coroutine in a task (${children.map((c) => c.name).join(', ')}), all queued to start; ${task.name} suspends until every one is done.`,
            task: task.name,
            line: effect.line,
          })
        }
        case 'await_task': {
          const awaited = effect.task as Task
          if (awaited.done) {
            this.#send = awaited.value
            return this.#snapshot({
              kind: 'await-done',
              text: `${awaited.name} is already done, so await returns its result at once: ${task.name} does not suspend.`,
              task: task.name,
              line: effect.line,
            })
          }
          awaited.callbacks.push({ kind: 'wakeup', task })
          this.#suspend(task, awaited.name)
          return this.#snapshot({
            kind: 'suspend',
            text: `${awaited.name} is not done yet, so ${task.name} suspends until it is.`,
            task: task.name,
            line: effect.line,
          })
        }
      }
    }
  }

  #createTask(coro: Coroutine): Task {
    const task = new Task(`Task-${this.#tasks.length + 1}`, coro)
    this.#tasks.push(task)
    this.#ready.push({ kind: 'step', task })
    return task
  }

  #suspend(task: Task, on: string) {
    task.state = 'waiting'
    task.waitingOn = on
    this.#running = null
  }

  /** `future.set_result(value)`: each done-callback is scheduled with `call_soon`, in order. */
  #resolve(future: Future, value: unknown) {
    future.done = true
    future.value = value
    for (const callback of future.callbacks) {
      if (callback.kind === 'wakeup') {
        this.#ready.push({ kind: 'wakeup', task: callback.task, future })
        callback.task.state = 'scheduled'
      } else if (callback.kind === 'gather') this.#ready.push({ kind: 'gather', gathering: callback.gathering, child: future as Task })
      else this.#ready.push({ kind: 'stop' })
    }
  }

  #log(event: string) {
    this.#trace.push(`${seconds(this.#time)} ${event}`)
  }

  // Sorted by (when, seq): timers set for the same moment fire in the order they were set.
  #pushTimer(timer: Timer) {
    const timers = this.#timers
    let low = 0
    let high = timers.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (before(timers[middle]!, timer)) low = middle + 1
      else high = middle
    }
    timers.splice(low, 0, timer)
  }

  #snapshot(event: Snapshot['event']): Snapshot {
    return {
      step: this.#step,
      time: this.#time,
      event,
      running: this.#running?.name ?? null,
      blocked: this.#blocked,
      ready: this.#ready.map(viewHandle),
      timers: this.#timers.map((t) => ({ when: t.when, task: t.waiter, label: `${seconds(t.when)} s → wake ${t.waiter}` })),
      tasks: this.#tasks.map((task) => ({
        name: task.name,
        coro: task.coro.call,
        state: task.state,
        started: task.started,
        stack: task.stack.map(({ fn, line }) => ({ fn, line })),
        waitingOn: task.waitingOn,
        result: task.done ? pyRepr(task.value) : null,
      })),
      output: [...this.#output],
      finished: this.#finished,
    }
  }
}

const before = (a: Timer, b: Timer) => a.when < b.when || (a.when === b.when && a.seq < b.seq)

function viewHandle(handle: Handle): HandleView {
  switch (handle.kind) {
    case 'step':
      return { kind: 'step', task: handle.task.name, label: `${handle.task.name}.__step()` }
    case 'wakeup':
      return { kind: 'wakeup', task: handle.task.name, label: `${handle.task.name}.__wakeup()` }
    case 'timer':
      return { kind: 'timer', task: handle.waiter, label: `timer → ${handle.waiter}` }
    case 'gather':
      return { kind: 'gather', task: handle.child.name, label: `gather: ${handle.child.name} done` }
    case 'stop':
      return { kind: 'stop', task: null, label: 'stop the loop' }
  }
}
