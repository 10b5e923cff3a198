// #region semaphore
/**
 * `asyncio.Semaphore` for promises: at most `value` holders at once; the others wait in line, first
 * come first served. Waiting can be abandoned with an AbortSignal.
 */
export class AsyncioSemaphore {
  #free: number
  readonly #waiters: (() => void)[] = []

  constructor(value: number) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`A semaphore needs a whole number of slots ≥ 1, not ${value}.`)
    this.#free = value
  }

  /** `await semaphore.acquire()`: resolves once a slot is yours. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.#free > 0 && this.#waiters.length === 0) {
      this.#free--
      return Promise.resolve()
    }
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', abandon)
        resolve()
      }
      const abandon = () => {
        this.#waiters.splice(this.#waiters.indexOf(wake), 1)
        reject(signal!.reason)
      }
      this.#waiters.push(wake)
      signal?.addEventListener('abort', abandon, { once: true })
    })
  }

  /** Gives a slot back: the longest waiter gets it, or it becomes free. */
  release(): void {
    const next = this.#waiters.shift()
    if (next) next()
    else this.#free++
  }

  /** `async with semaphore:` — holds a slot while `work` runs, and always gives it back. */
  async with<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal)
    try {
      return await work()
    } finally {
      this.release()
    }
  }

  get waiting(): number {
    return this.#waiters.length
  }
}
// #endregion
