/**
 * Python's `threading` synchronization primitives, rebuilt on a SharedArrayBuffer with Atomics:
 * `Mutex` (threading.Lock), `ThreadingSemaphore` / bounded (threading.Semaphore,
 * BoundedSemaphore) and `Barrier` (threading.Barrier).
 *
 * Each one lives in a small region of shared memory. `X.create(…)` initializes a region (a new
 * buffer unless you pass one); `new X(region)` attaches to a region someone else initialized — post
 * `x.region` to a worker and attach there, and both sides use the same lock.
 *
 * Blocking calls (`acquire`, `wait`) use `Atomics.wait`, which parks the thread in the OS until
 * another thread calls `Atomics.notify`: no spinning. Browsers refuse `Atomics.wait` on a page's
 * main thread, so they belong in workers; the page only creates the primitives and reads their
 * state (`tryAcquire`, `locked`, `value`). Timeouts are in milliseconds; a timed-out acquire
 * returns false, like Python's `lock.acquire(timeout=…)`.
 *
 * This module imports nothing, so workers, the page and Node's `worker_threads` can all load it.
 */

/** Where a primitive lives. Structured-clonable: post it to a worker and attach there. */
export type Region = { buffer: SharedArrayBuffer; byteOffset: number }

const INT = Int32Array.BYTES_PER_ELEMENT

function cellsOf(region: Region, length: number): Int32Array<SharedArrayBuffer> {
  if (!(region.buffer instanceof SharedArrayBuffer)) throw new TypeError('A sync primitive needs a SharedArrayBuffer.')
  if (region.byteOffset % INT !== 0) throw new RangeError(`byteOffset ${region.byteOffset} is not a multiple of ${INT}.`)
  return new Int32Array(region.buffer, region.byteOffset, length)
}

const newRegion = (bytes: number): Region => ({ buffer: new SharedArrayBuffer(bytes), byteOffset: 0 })

/** Milliseconds from now until the deadline (Infinity without one). */
const deadlineFor = (timeoutMs?: number) => (timeoutMs === undefined || timeoutMs < 0 ? Infinity : performance.now() + timeoutMs)
const left = (deadline: number) => (deadline === Infinity ? Infinity : deadline - performance.now())

let sleeper: Int32Array<SharedArrayBuffer> | null = null

/**
 * Blocks this thread for `ms`, like `time.sleep()` in a Python thread: a wait on a private cell
 * nobody ever notifies. Worker threads only (a page's main thread may not block).
 */
export function sleep(ms: number): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(INT))
  Atomics.wait(sleeper, 0, 0, Math.max(0, ms))
}

/**
 * Lays out several primitives (or plain shared cells) in one new SharedArrayBuffer:
 * `allocate({ counter: 4, lock: Mutex.bytes })` gives each name its own 4-byte-aligned region.
 */
export function allocate<K extends string>(sizes: Record<K, number>): Record<K, Region> {
  const names = Object.keys(sizes) as K[]
  const offsets = new Map<K, number>()
  let total = 0
  for (const name of names) {
    offsets.set(name, total)
    total += Math.ceil(sizes[name] / INT) * INT
  }
  const buffer = new SharedArrayBuffer(Math.max(total, INT))
  return Object.fromEntries(names.map((name) => [name, { buffer, byteOffset: offsets.get(name)! }])) as Record<K, Region>
}

// #region mutex
// Mutex states, after Ulrich Drepper's "Futexes Are Tricky":
// waking is only paid for when someone may be asleep.
const UNLOCKED = 0
const LOCKED = 1
const CONTENDED = 2

/**
 * A lock, like `threading.Lock`: one holder at a time, and any thread
 * may release it. Taking a free lock is one compare-and-swap; a thread
 * that finds it taken sleeps in `Atomics.wait` until `release()` wakes
 * one sleeper.
 */
export class Mutex {
  /** Bytes of shared memory one mutex needs. */
  static readonly bytes = INT
  readonly region: Region
  readonly #cells: Int32Array<SharedArrayBuffer>

  /** Attaches to a mutex already set up in this region (e.g. posted from another thread). */
  constructor(region: Region) {
    this.region = region
    this.#cells = cellsOf(region, 1)
  }

  /** A new, unlocked mutex: in its own buffer, or in `region`. */
  static create(region: Region = newRegion(Mutex.bytes)): Mutex {
    const mutex = new Mutex(region)
    Atomics.store(mutex.#cells, 0, UNLOCKED)
    return mutex
  }

  /** Takes the lock if it is free; never waits. `lock.acquire(blocking=False)`. */
  tryAcquire(): boolean {
    return Atomics.compareExchange(this.#cells, 0, UNLOCKED, LOCKED) === UNLOCKED
  }

  /**
   * Takes the lock, sleeping while another thread holds it; false if
   * `timeoutMs` passes first. Worker threads only.
   */
  acquire(timeoutMs?: number): boolean {
    let state = Atomics.compareExchange(this.#cells, 0, UNLOCKED, LOCKED)
    if (state === UNLOCKED) return true
    const deadline = deadlineFor(timeoutMs)
    // Mark the lock contended so the holder's release wakes a sleeper;
    // whoever swaps in CONTENDED and gets UNLOCKED back holds the lock.
    if (state !== CONTENDED) state = Atomics.exchange(this.#cells, 0, CONTENDED)
    while (state !== UNLOCKED) {
      const remaining = left(deadline)
      if (remaining <= 0) return false
      Atomics.wait(this.#cells, 0, CONTENDED, remaining)
      state = Atomics.exchange(this.#cells, 0, CONTENDED)
    }
    return true
  }

  /** Frees the lock and wakes one sleeper. A free lock throws, as in Python. */
  release(): void {
    if (Atomics.load(this.#cells, 0) === UNLOCKED) throw new Error('release unlocked lock')
    if (Atomics.sub(this.#cells, 0, 1) !== LOCKED) {
      Atomics.store(this.#cells, 0, UNLOCKED)
      Atomics.notify(this.#cells, 0, 1)
    }
  }

  /** `lock.locked()`: whether some thread holds it right now. */
  get locked(): boolean {
    return Atomics.load(this.#cells, 0) !== UNLOCKED
  }
}
// #endregion

// #region semaphore
const COUNT = 0
const WAITERS = 1
const BOUND = 2

/**
 * A counting semaphore, like `threading.Semaphore(value)`: `acquire`
 * takes a permit, sleeping while there are none; `release` returns one.
 * Created `bounded`, it is `threading.BoundedSemaphore`: releasing more
 * permits than it started with throws.
 */
export class ThreadingSemaphore {
  static readonly bytes = 3 * INT
  readonly region: Region
  readonly #cells: Int32Array<SharedArrayBuffer>

  constructor(region: Region) {
    this.region = region
    this.#cells = cellsOf(region, 3)
  }

  static create(value: number, { bounded = false, region = newRegion(ThreadingSemaphore.bytes) }: { bounded?: boolean; region?: Region } = {}): ThreadingSemaphore {
    if (!Number.isInteger(value) || value < 0) throw new RangeError('Semaphore initial value must be a whole number ≥ 0.')
    const semaphore = new ThreadingSemaphore(region)
    Atomics.store(semaphore.#cells, COUNT, value)
    Atomics.store(semaphore.#cells, WAITERS, 0)
    Atomics.store(semaphore.#cells, BOUND, bounded ? value : -1)
    return semaphore
  }

  /** Takes a permit if one is free; never waits. */
  tryAcquire(): boolean {
    for (;;) {
      const count = Atomics.load(this.#cells, COUNT)
      if (count <= 0) return false
      if (Atomics.compareExchange(this.#cells, COUNT, count, count - 1) === count) return true
    }
  }

  /**
   * Takes a permit, sleeping while there are none; false if `timeoutMs`
   * passes first. Worker threads only.
   */
  acquire(timeoutMs?: number): boolean {
    const deadline = deadlineFor(timeoutMs)
    for (;;) {
      if (this.tryAcquire()) return true
      const remaining = left(deadline)
      if (remaining <= 0) return false
      // Counted before sleeping, so a release that sees no waiters
      // cannot miss us: if it ran first, the count is no longer 0 and
      // the wait returns at once.
      Atomics.add(this.#cells, WAITERS, 1)
      Atomics.wait(this.#cells, COUNT, 0, remaining)
      Atomics.sub(this.#cells, WAITERS, 1)
    }
  }

  /** Returns `n` permits and wakes as many sleepers. */
  release(n = 1): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be one or more')
    const bound = Atomics.load(this.#cells, BOUND)
    for (;;) {
      const count = Atomics.load(this.#cells, COUNT)
      if (bound >= 0 && count + n > bound) throw new Error('Semaphore released too many times')
      if (Atomics.compareExchange(this.#cells, COUNT, count, count + n) === count) break
    }
    if (Atomics.load(this.#cells, WAITERS) > 0) Atomics.notify(this.#cells, COUNT, n)
  }

  /** Permits free right now. */
  get value(): number {
    return Atomics.load(this.#cells, COUNT)
  }

  /** Threads asleep in `acquire` right now. */
  get waiting(): number {
    return Atomics.load(this.#cells, WAITERS)
  }
}
// #endregion

/** Raised by `Barrier.wait` once the barrier is broken (a waiter timed out, or `abort()`). */
export class BrokenBarrierError extends Error {
  override name = 'BrokenBarrierError'
  constructor() {
    super('The barrier is broken: a thread timed out or aborted it.')
  }
}

const PARTIES = 0
const ARRIVED = 1
const GENERATION = 2
const BROKEN = 3

/**
 * `threading.Barrier(parties)`: each thread's `wait` sleeps until `parties` threads have called
 * it, then all go on together. Reusable: the next `parties` calls form the next round.
 * A wait that times out breaks the barrier, and every waiter gets `BrokenBarrierError`.
 */
export class Barrier {
  static readonly bytes = 4 * INT
  readonly region: Region
  readonly #cells: Int32Array<SharedArrayBuffer>

  constructor(region: Region) {
    this.region = region
    this.#cells = cellsOf(region, 4)
  }

  static create(parties: number, region: Region = newRegion(Barrier.bytes)): Barrier {
    if (!Number.isInteger(parties) || parties < 1) throw new RangeError('A barrier needs at least one party.')
    const barrier = new Barrier(region)
    Atomics.store(barrier.#cells, PARTIES, parties)
    Atomics.store(barrier.#cells, ARRIVED, 0)
    Atomics.store(barrier.#cells, GENERATION, 0)
    Atomics.store(barrier.#cells, BROKEN, 0)
    return barrier
  }

  /** Sleeps until all parties have arrived; returns this thread's arrival index (0 … parties − 1). Worker threads only. */
  wait(timeoutMs?: number): number {
    if (this.broken) throw new BrokenBarrierError()
    const deadline = deadlineFor(timeoutMs)
    const generation = Atomics.load(this.#cells, GENERATION)
    const index = Atomics.add(this.#cells, ARRIVED, 1)
    if (index + 1 === this.parties) {
      // The last to arrive resets the count for the next round before releasing this one.
      Atomics.store(this.#cells, ARRIVED, 0)
      Atomics.add(this.#cells, GENERATION, 1)
      Atomics.notify(this.#cells, GENERATION)
      return index
    }
    for (;;) {
      if (this.broken) throw new BrokenBarrierError()
      if (Atomics.load(this.#cells, GENERATION) !== generation) return index
      const remaining = left(deadline)
      if (remaining <= 0) {
        this.abort()
        throw new BrokenBarrierError()
      }
      Atomics.wait(this.#cells, GENERATION, generation, remaining)
    }
  }

  /** Breaks the barrier: every thread waiting now, or later, gets `BrokenBarrierError`. */
  abort(): void {
    Atomics.store(this.#cells, BROKEN, 1)
    // Waiters sleep on the generation cell: change it so none can miss the wake-up.
    Atomics.add(this.#cells, GENERATION, 1)
    Atomics.notify(this.#cells, GENERATION)
  }

  get parties(): number {
    return Atomics.load(this.#cells, PARTIES)
  }

  /** Threads waiting for this round to fill. */
  get waiting(): number {
    return Atomics.load(this.#cells, ARRIVED)
  }

  get broken(): boolean {
    return Atomics.load(this.#cells, BROKEN) === 1
  }
}
