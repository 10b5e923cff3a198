import { expose } from 'comlink'
import { sharedNow as now } from './clock'
import { Barrier, Mutex, type Region } from './sync'

export type CounterMode = 'unsafe' | 'lock' | 'atomic'

/** The shared memory of one run: the counter, the lock that guards it, the start barrier. */
export type CounterMemory = { value: Region; lock: Region; start: Region }

/** Longest a worker waits at the start line for the others before the run is called off. */
const startTimeoutMs = 30_000

// #region increment
/** Adds 1 to the shared counter `n` times, in one of three ways. */
function increment(mode: CounterMode, n: number, value: Int32Array, lock: Mutex) {
  if (mode === 'unsafe') {
    // `self.value += 1` without the lock: read, then write back.
    // Another thread's write between the two is overwritten: lost.
    for (let i = 0; i < n; i++) {
      const current = Atomics.load(value, 0)
      Atomics.store(value, 0, current + 1)
    }
  } else if (mode === 'lock') {
    // `with self.lock: self.value += 1`: the same read and write,
    // one thread at a time.
    for (let i = 0; i < n; i++) {
      lock.acquire()
      try {
        const current = Atomics.load(value, 0)
        Atomics.store(value, 0, current + 1)
      } finally {
        lock.release()
      }
    }
  } else {
    // One indivisible read-modify-write in hardware.
    // Python has no such operation for its ints.
    for (let i = 0; i < n; i++) Atomics.add(value, 0, 1)
  }
}
// #endregion


const api = {
  /**
   * Waits at the start barrier until every worker of the run is ready, then increments the shared
   * counter `increments` times. Returns when this worker started and finished (wall clock).
   */
  run(mode: CounterMode, increments: number, memory: CounterMemory): { start: number; end: number } {
    const value = new Int32Array(memory.value.buffer, memory.value.byteOffset, 1)
    const lock = new Mutex(memory.lock)
    new Barrier(memory.start).wait(startTimeoutMs)
    const start = now()
    increment(mode, increments, value, lock)
    return { start, end: now() }
  },
}

export type CounterApi = typeof api
expose(api)
