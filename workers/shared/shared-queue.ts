/**
 * A bounded FIFO queue in a SharedArrayBuffer that every worker holding the buffer can `put` to
 * and `get` from: a ring buffer guarded by a lock, with blocking waits done by `Atomics.wait`.
 * Each item is a fixed number of 32-bit integers, copied in and copied out, much as
 * `multiprocessing.Queue` pickles each object into bytes in a pipe shared by the processes.
 *
 * `put` and `get` block, so they belong in workers (`Atomics.wait` throws on a page's main
 * thread). The page can use `tryPut`, `tryGet`, `putAsync` and `snapshot`, which never block.
 */
import { Mutex } from './sync'

// Int32 header words, then the slots.
const LOCK = 0 // the Mutex that guards the rest
const HEAD = 1 // slot of the next item to get
const COUNT = 2 // items in the queue; waiters sleep on this word
const CAPACITY = 3
const WIDTH = 4 // int32s per item
const HEADER = 5

export type Item = readonly number[]

export class SharedQueue {
  readonly buffer: SharedArrayBuffer
  readonly #words: Int32Array
  readonly #lock: Mutex

  /** A new queue of at most `capacity` items (`Queue(maxsize=capacity)`), each `width` int32s. */
  static create(capacity: number, width = 1): SharedQueue {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a whole number ≥ 1')
    const buffer = new SharedArrayBuffer((HEADER + capacity * width) * Int32Array.BYTES_PER_ELEMENT)
    const words = new Int32Array(buffer)
    words[CAPACITY] = capacity
    words[WIDTH] = width
    Mutex.create({ buffer, byteOffset: LOCK * Int32Array.BYTES_PER_ELEMENT })
    return new SharedQueue(buffer)
  }

  /** Another view of a queue whose buffer was sent here (to a worker, say). */
  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer
    this.#words = new Int32Array(buffer)
    this.#lock = new Mutex({ buffer, byteOffset: LOCK * Int32Array.BYTES_PER_ELEMENT })
  }

  get capacity(): number {
    return this.#words[CAPACITY]!
  }

  get width(): number {
    return this.#words[WIDTH]!
  }

  /** Items in the queue right now: like Python's `qsize()`, already stale when you read it. */
  size(): number {
    return Atomics.load(this.#words, COUNT)
  }

  // #region put-get
  /**
   * Adds an item, waiting while the queue is full. `timeout` (ms) 0 never waits, like
   * `put_nowait`. Returns false if it timed out (Python raises `queue.Full`).
   */
  put(item: Item, timeout = Infinity): boolean {
    const deadline = performance.now() + timeout
    this.#lock.acquire()
    while (this.#words[COUNT] === this.capacity) {
      this.#lock.release()
      const left = deadline - performance.now()
      if (left <= 0) return false
      Atomics.wait(this.#words, COUNT, this.capacity, left)
      this.#lock.acquire()
    }
    this.#write(item)
    this.#lock.release()
    return true
  }

  /** Takes the oldest item, waiting while the queue is empty; undefined if `timeout` (ms) passed (`queue.Empty`). */
  get(timeout = Infinity): Item | undefined {
    const deadline = performance.now() + timeout
    this.#lock.acquire()
    while (this.#words[COUNT] === 0) {
      this.#lock.release()
      const left = deadline - performance.now()
      if (left <= 0) return undefined
      Atomics.wait(this.#words, COUNT, 0, left)
      this.#lock.acquire()
    }
    const item = this.#read()
    this.#lock.release()
    return item
  }
  // #endregion

  /** Never waits: false if the queue is full or the lock is busy. Safe on the main thread. */
  tryPut(item: Item): boolean {
    if (!this.#lock.tryAcquire()) return false
    const room = this.#words[COUNT]! < this.capacity
    if (room) this.#write(item)
    this.#lock.release()
    return room
  }

  /** Never waits: undefined if the queue is empty or the lock is busy. Safe on the main thread. */
  tryGet(): Item | undefined {
    if (!this.#lock.tryAcquire()) return undefined
    const item = this.#words[COUNT]! > 0 ? this.#read() : undefined
    this.#lock.release()
    return item
  }

  /** Adds an item from the main thread: retries without blocking until there is room. */
  async putAsync(item: Item, signal?: AbortSignal): Promise<void> {
    while (!this.tryPut(item)) {
      signal?.throwIfAborted()
      const full = Atomics.load(this.#words, COUNT)
      const waited = typeof Atomics.waitAsync === 'function' ? Atomics.waitAsync(this.#words, COUNT, full, 50) : null
      if (waited?.async) await waited.value
      else await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  /** The items in order, oldest first, read under the lock; null if the lock was busy. For display. */
  snapshot(): Item[] | null {
    if (!this.#lock.tryAcquire()) return null
    const items: Item[] = []
    const head = this.#words[HEAD]!
    for (let i = 0; i < this.#words[COUNT]!; i++) items.push(this.#slot((head + i) % this.capacity))
    this.#lock.release()
    return items
  }

  #slot(index: number): Item {
    const start = HEADER + index * this.width
    return Array.from(this.#words.subarray(start, start + this.width))
  }

  #write(item: Item) {
    if (item.length !== this.width) throw new RangeError(`an item here is ${this.width} integers, not ${item.length}`)
    const tail = (this.#words[HEAD]! + this.#words[COUNT]!) % this.capacity
    this.#words.set(item, HEADER + tail * this.width)
    Atomics.add(this.#words, COUNT, 1)
    Atomics.notify(this.#words, COUNT)
  }

  #read(): Item {
    const head = this.#words[HEAD]!
    const item = this.#slot(head)
    this.#words[HEAD] = (head + 1) % this.capacity
    Atomics.sub(this.#words, COUNT, 1)
    Atomics.notify(this.#words, COUNT)
    return item
  }
}
