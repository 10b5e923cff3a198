import { expose } from 'comlink'
import { sharedNow as now } from '../clock'
import { Gil } from '../shared/gil'
import { Barrier, Mutex, type Region } from '../shared/sync'
import { startTimeoutMs } from '../limits'

export type CounterMode = 'unsafe' | 'lock' | 'atomic'

/**
 * Which CPython the workers stand in for: with the GIL, running the bare `self.value += 1`; with the
 * GIL, running `self.value = add_one(self.value)` (a call between the read and the write); or the
 * free-threaded build, where threads run at once.
 */
export type Interpreter = 'gil' | 'gil-call' | 'free-threaded'

/** The shared memory of one run: the counter, the lock that guards it, the start barrier, the GIL. */
export type CounterMemory = { value: Region; lock: Region; start: Region; gil: Region }


// #region bytecode
// One pass of each increment loop, as CPython 3.11's `dis.dis` lists it. A call to the Python
// function add_one runs its own instructions, from RESUME to RETURN_VALUE, in between.
const FOR_ITER = 0, STORE_FAST = 1, LOAD_FAST = 2, COPY = 3, LOAD_ATTR = 4, LOAD_CONST = 5, BINARY_OP = 6, SWAP = 7
const STORE_ATTR = 8, LOAD_GLOBAL = 9, PRECALL = 10, CALL = 11, RESUME = 12, RETURN_VALUE = 13, BEFORE_WITH = 14
const POP_TOP = 15, CALL_EXIT = 16, JUMP_BACKWARD = 17, ATOMICS_ADD = 18, JUMP_FORWARD = 19
/** LOAD_FAST's argument: `self`, or add_one's parameter `x`. */
const SELF = 0, X = 1

type Instruction = readonly [opcode: number, arg?: number]
const plusEquals: Instruction[] = [[LOAD_FAST, SELF], [COPY], [LOAD_ATTR], [LOAD_CONST], [BINARY_OP], [SWAP], [STORE_ATTR]] // self.value += 1
const callAddOne: Instruction[] = [
  [LOAD_GLOBAL], [LOAD_FAST, SELF], [LOAD_ATTR], [PRECALL], [CALL], // add_one(self.value)
  [RESUME], [LOAD_FAST, X], [LOAD_CONST], [BINARY_OP], [RETURN_VALUE], // def add_one(x): return x + 1
  [LOAD_FAST, SELF], [STORE_ATTR], // self.value = …
]
const withLock = (body: Instruction[]): Instruction[] => [
  [LOAD_FAST, SELF], [LOAD_ATTR], [BEFORE_WITH], [POP_TOP], // with self.lock:
  ...body,
  [LOAD_CONST], [LOAD_CONST], [LOAD_CONST], [PRECALL], [CALL_EXIT], [POP_TOP], // lock.__exit__(None, None, None)
  [JUMP_FORWARD], // over the block's exception handler, to JUMP_BACKWARD
]

/** The loop's instructions, as (opcode, argument) pairs. */
function bytecode(interpreter: Interpreter, mode: CounterMode): Int32Array {
  const body = interpreter === 'gil-call' ? callAddOne : plusEquals
  const pass = mode === 'atomic' ? [[ATOMICS_ADD] as const] : mode === 'lock' ? withLock(body) : body
  return Int32Array.from([[FOR_ITER], [STORE_FAST], ...pass, [JUMP_BACKWARD]].flatMap(([opcode, arg = 0]) => [opcode, arg]))
}
// #endregion

// #region eval-loop
/**
 * Runs the loop `n` times, an instruction at a time. With a GIL, the thread may hand it over only
 * where CPython checks its eval breaker: RESUME, after a call into C (the lock's __exit__), and
 * JUMP_BACKWARD. The read (LOAD_ATTR) and the write (STORE_ATTR) are separate instructions.
 */
function evalLoop(code: Int32Array, n: number, id: number, value: Int32Array, lock: Mutex, gil: Gil | null) {
  const stack = new Float64Array(8)
  let sp = 0
  let x = 0 // add_one's local variable
  let left = n
  for (let pc = 0; ; pc += 2) {
    switch (code[pc]) {
      case FOR_ITER:
        if (left-- === 0) return
        stack[sp++] = n - left - 1 // the next item of range(n)
        break
      case LOAD_FAST:
        stack[sp++] = code[pc + 1] === X ? x : 0
        break
      case LOAD_GLOBAL: case COPY:
        stack[sp++] = 0 // add_one, or a second reference to self
        break
      case LOAD_CONST:
        stack[sp++] = 1
        break
      case LOAD_ATTR:
        stack[sp - 1] = Atomics.load(value, 0) // read self.value (self.lock, for BEFORE_WITH)
        break
      case BINARY_OP:
        sp--
        stack[sp - 1] = stack[sp - 1]! + stack[sp]!
        break
      case SWAP: {
        const top = stack[sp - 1]!
        stack[sp - 1] = stack[sp - 2]!
        stack[sp - 2] = top
        break
      }
      case STORE_ATTR:
        sp -= 2
        Atomics.store(value, 0, stack[sp]!) // write self.value: the object is on top, the value under it
        break
      case STORE_FAST: case POP_TOP:
        sp--
        break
      case PRECALL: case RETURN_VALUE: case JUMP_FORWARD: // no eval breaker check
        break
      case CALL:
        // add_one's frame takes the argument as x; RETURN_VALUE leaves the result where the call was.
        x = stack[--sp]!
        sp--
        break
      case RESUME:
        gil?.evalBreaker(id)
        break
      case BEFORE_WITH:
        // lock.__enter__(): a thread that must wait for the lock releases the GIL while it waits.
        if (!lock.tryAcquire()) {
          gil?.release()
          lock.acquire()
          gil?.acquire(id)
        }
        stack[sp - 1] = 0 // the lock's __exit__, kept for the end of the block
        stack[sp++] = 1 // what __enter__ returned
        break
      case CALL_EXIT:
        lock.release() // __exit__(None, None, None): a call into C, then its result replaces it
        sp -= 3
        stack[sp - 1] = 0
        gil?.evalBreaker(id)
        break
      case ATOMICS_ADD:
        Atomics.add(value, 0, 1) // no Python equivalent for an int
        break
      case JUMP_BACKWARD:
        gil?.evalBreaker(id)
        pc = -2 // back to FOR_ITER
        break
    }
  }
}
// #endregion

const api = {
  /**
   * Waits at the start barrier until every worker of the run is ready, then runs the increment loop
   * `increments` times as `interpreter` would. Returns when this worker started and finished.
   */
  run(interpreter: Interpreter, mode: CounterMode, increments: number, id: number, memory: CounterMemory): { start: number; end: number } {
    const value = new Int32Array(memory.value.buffer, memory.value.byteOffset, 1)
    const lock = new Mutex(memory.lock)
    const gil = interpreter === 'free-threaded' ? null : new Gil(memory.gil)
    const code = bytecode(interpreter, mode)
    new Barrier(memory.start).wait(startTimeoutMs)
    const start = now()
    gil?.acquire(id) // a new thread takes the GIL before it runs any bytecode
    evalLoop(code, increments, id, value, lock, gil)
    gil?.release()
    return { start, end: now() }
  },
}

export type CounterApi = typeof api
expose(api)
