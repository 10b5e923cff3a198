/**
 * asyncio-style primitives for tasks on one thread: a FIFO queue whose `get` waits for an item
 * (and whose `put` waits for room when it has a `maxsize`), and a semaphore. Every wait can be
 * cancelled with an AbortSignal, the way cancelling an asyncio task raises CancelledError at its await.
 */

type Waiter<T> = { resolve: (value: T) => void; reject: (reason: unknown) => void }

/** Registers a waiter and removes it again if the signal aborts first. */
function wait<T>(waiters: Waiter<T>[], signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const waiter: Waiter<T> = {
      resolve: (value) => {
        signal?.removeEventListener('abort', onAbort)
        resolve(value)
      },
      reject,
    }
    const onAbort = () => {
      const index = waiters.indexOf(waiter)
      if (index !== -1) waiters.splice(index, 1)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    waiters.push(waiter)
  })
}

/** Like `asyncio.Queue(maxsize)`: 0 means unbounded. */
export class AsyncQueue<T> {
  private readonly items: T[] = []
  private readonly getters: Waiter<T>[] = []
  private readonly putters: Waiter<void>[] = []

  constructor(readonly maxsize = 0) {}

  /** Items waiting in the queue (`qsize()`). */
  get size() {
    return this.items.length
  }

  /** Tasks blocked in `get()`, waiting for an item. */
  get waitingGetters() {
    return this.getters.length
  }

  private full() {
    return this.maxsize > 0 && this.items.length >= this.maxsize
  }

  /** Adds an item, waiting for room first when the queue is full. */
  async put(item: T, signal?: AbortSignal): Promise<void> {
    while (this.full()) await wait(this.putters, signal)
    signal?.throwIfAborted()
    const getter = this.getters.shift()
    if (getter) getter.resolve(item)
    else this.items.push(item)
  }

  /** Takes the oldest item, waiting for one if the queue is empty. */
  async get(signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted()
    if (this.items.length) {
      const item = this.items.shift()!
      this.putters.shift()?.resolve()
      return item
    }
    return wait(this.getters, signal)
  }
}
