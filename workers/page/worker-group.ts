import type { Endpoint, Remote } from 'comlink'
import { wrap } from 'comlink'

/** What a group needs of a worker: Comlink's endpoint plus `terminate` (a browser or test worker). */
export type WorkerLike = Endpoint & { terminate(): void }

export type Spawned<Api> = { worker: WorkerLike; api: Remote<Api> }

const terminatedError = () => new DOMException('The worker was terminated.', 'AbortError')

/**
 * Comlink leaves a call pending forever once its worker is terminated. This view of the remote
 * rejects every call still in flight (with an AbortError) when the worker ends, so a run's
 * `finally` blocks and awaits always settle. Worker APIs here expose methods only.
 */
function settlingOnTermination<Api>(remote: Remote<Api>, terminated: Promise<never>): Remote<Api> {
  return new Proxy(remote as object, {
    get(target, property) {
      const member = Reflect.get(target, property) as unknown
      if (typeof property === 'symbol' || property === 'then') return member
      return (...args: unknown[]) => Promise.race([(member as (...a: unknown[]) => Promise<unknown>)(...args), terminated])
    },
  }) as Remote<Api>
}

type Entry<Api> = Spawned<Api> & { end: (reason: Error) => void }

/**
 * Owns a set of workers of one kind: creates them, wraps them with Comlink, and ends them.
 * A dedicated worker runs until it is `terminate()`d (Comlink's `releaseProxy()` only closes its
 * side of the channel, and would wait forever for a terminated worker to acknowledge), so every
 * exit path here terminates.
 */
export class WorkerGroup<Api> {
  readonly #create: () => WorkerLike
  readonly #live = new Map<WorkerLike, Entry<Api>>()
  readonly #onChange?: (alive: number) => void

  constructor(create: () => WorkerLike, onChange?: (alive: number) => void) {
    this.#create = create
    this.#onChange = onChange
  }

  /** Starts a worker. With a signal, the worker is terminated when the signal aborts. */
  spawn(options: { signal?: AbortSignal } = {}): Spawned<Api> {
    options.signal?.throwIfAborted()
    const worker = this.#create()
    let end!: (reason: Error) => void
    const terminated = new Promise<never>((_, reject) => (end = reject))
    terminated.catch(() => {}) // only calls in flight observe it
    const entry: Entry<Api> = { worker, api: settlingOnTermination(wrap<Api>(worker), terminated), end }
    this.#live.set(worker, entry)
    options.signal?.addEventListener('abort', () => this.terminate(entry), { once: true })
    this.#onChange?.(this.#live.size)
    return entry
  }

  /** Ends one worker at once, even mid-task; its calls in flight reject. Safe to call twice. */
  terminate(spawned: Spawned<Api>): void {
    const entry = this.#live.get(spawned.worker)
    if (!entry) return
    this.#live.delete(spawned.worker)
    entry.worker.terminate()
    entry.end(terminatedError())
    this.#onChange?.(this.#live.size)
  }

  terminateAll(): void {
    for (const entry of [...this.#live.values()]) this.terminate(entry)
  }

  get alive(): number {
    return this.#live.size
  }
}
