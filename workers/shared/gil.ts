/**
 * A model of CPython's global interpreter lock (GIL), on a SharedArrayBuffer, for the GIL lab and
 * the counter demo.
 *
 * CPython lets one thread at a time run bytecode: the thread that holds the GIL. Since 3.2, a
 * thread that wants it waits one switch interval (`sys.getswitchinterval()`, 5 ms); if the GIL has
 * not changed hands meanwhile, it sets a drop request. Since 3.10 the holder looks for that
 * request only at certain instructions, the "eval breaker" checks: on entering a Python function
 * (RESUME), after most calls into C, and at a loop's jump back (JUMP_BACKWARD) — never between the
 * load and the store of `x += 1` (up to 3.9 it looked between most instructions). Seeing it, the
 * holder drops the GIL and waits until another thread has taken it (forced switching), so it
 * cannot grab it straight back. A thread that blocks on I/O or on a lock releases the GIL first
 * and takes it again afterwards.
 *
 * Here the lock is a `Mutex` from ./sync; beside it, a few cells: who holds the GIL, how many
 * threads are waiting for it, how many times it was taken, by whom last, and the drop request.
 * Worker threads only (it blocks).
 */
import { Mutex, type Region } from './sync'

const INT = Int32Array.BYTES_PER_ELEMENT
const HOLDER = 0
const WAITERS = 1
const SWITCHES = 2
const LAST_HOLDER = 3
const HANDOVERS = 4
const DROP_REQUEST = 5
const CELLS = 6

/** CPython's default `sys.getswitchinterval()`, in milliseconds. */
export const switchIntervalMs = 5

/** What a worker is doing, as its status cell in the lab says. */
export const WorkerState = { Starting: 0, Running: 1, WaitingForGil: 2, WaitingForIo: 3, Finished: 4 } as const
export type WorkerState = (typeof WorkerState)[keyof typeof WorkerState]

/** Cells per worker in the lab's status region: its `WorkerState` and the units it has done. */
export const statusCells = 2

// #region gil
export class Gil {
  /** Bytes of shared memory one GIL needs. */
  static readonly bytes = Mutex.bytes + CELLS * INT
  readonly region: Region
  readonly #mutex: Mutex
  readonly #cells: Int32Array<SharedArrayBuffer>

  /** Attaches to a GIL set up in this region (e.g. by the page, posted to a worker). */
  constructor(region: Region) {
    this.region = region
    this.#mutex = new Mutex(region)
    this.#cells = new Int32Array(region.buffer as SharedArrayBuffer, region.byteOffset + Mutex.bytes, CELLS)
  }

  /** A new, free GIL in `region`. */
  static create(region: Region): Gil {
    Mutex.create(region)
    const gil = new Gil(region)
    gil.#cells.fill(0)
    return gil
  }

  /**
   * Takes the GIL for thread `id` (1, 2, …), sleeping while another thread holds it. After each
   * switch interval in which nobody took it, asks the holder to drop it, as CPython's take_gil does.
   */
  acquire(id: number): void {
    Atomics.add(this.#cells, WAITERS, 1)
    for (;;) {
      const switches = Atomics.load(this.#cells, SWITCHES)
      if (this.#mutex.acquire(switchIntervalMs)) break
      if (Atomics.load(this.#cells, SWITCHES) === switches) Atomics.store(this.#cells, DROP_REQUEST, 1)
    }
    Atomics.store(this.#cells, DROP_REQUEST, 0)
    Atomics.sub(this.#cells, WAITERS, 1)
    Atomics.store(this.#cells, HOLDER, id)
    const last = Atomics.exchange(this.#cells, LAST_HOLDER, id)
    if (last !== 0 && last !== id) Atomics.add(this.#cells, HANDOVERS, 1)
    Atomics.add(this.#cells, SWITCHES, 1)
    Atomics.notify(this.#cells, SWITCHES)
  }

  /** Gives the GIL up, e.g. before blocking on I/O. */
  release(): void {
    Atomics.store(this.#cells, HOLDER, 0)
    this.#mutex.release()
  }

  /**
   * The eval breaker check, made where CPython makes it (a function's RESUME, after a call into C,
   * a loop's JUMP_BACKWARD): if a waiting thread asked for the GIL, drop it, wait until another
   * thread has it, and queue to take it back (`onDrop` runs just before the GIL is dropped). True if
   * the GIL changed hands.
   */
  evalBreaker(id: number, onDrop?: () => void): boolean {
    if (Atomics.load(this.#cells, DROP_REQUEST) === 0 || Atomics.load(this.#cells, WAITERS) === 0) return false
    const switches = Atomics.load(this.#cells, SWITCHES)
    onDrop?.()
    this.release()
    // Forced switching: without this wait the holder would usually take the lock straight back.
    Atomics.wait(this.#cells, SWITCHES, switches, switchIntervalMs)
    this.acquire(id)
    return true
  }

  /** The thread holding the GIL now (0: none). */
  get holder(): number {
    return Atomics.load(this.#cells, HOLDER)
  }

  /** How many times the GIL has passed from one thread to another. */
  get handovers(): number {
    return Atomics.load(this.#cells, HANDOVERS)
  }
}
// #endregion
