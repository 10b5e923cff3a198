import type { Remote } from 'comlink'
import type { Spawned } from './worker-group'
import { isReport, type JobOrder, type Report, type Tasks, type TaskServer } from '../inside/pool-tasks'
import { cpuCount } from '../limits'

export type { Tasks } from '../inside/pool-tasks'

/**
 * Where a pool gets its workers: `useWorkers(…).group` in a demo, a `WorkerGroup` in tests. The
 * source stays their owner — it creates and terminates every worker — so Stop and leaving the page
 * end a pool's workers like any others.
 */
export type WorkerSource<Api> = {
  spawn(options: { signal?: AbortSignal }): Spawned<Api>
  terminate(spawned: Spawned<Api>): void
}

type Name<T extends Tasks> = keyof T & string
type Params<F> = F extends (...args: infer A) => unknown ? A : never
/** The item a task takes first. */
export type ItemOf<F> = Params<F> extends [infer Item, ...unknown[]] ? Item : never
/** The arguments after the item: what `partial` fixes. */
export type FixedOf<F> = Params<F> extends [unknown, ...infer Fixed] ? Fixed : never
export type ResultOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never

/** A task with its trailing arguments fixed, like `functools.partial(task, multiplier=2)`. */
export type Bound<T extends Tasks, K extends Name<T> = Name<T>> = { readonly task: K; readonly fixed: FixedOf<T[K]> }
/** Tasks that can be mapped by name alone: every argument after the item is optional. */
type UnaryName<T extends Tasks> = { [K in Name<T>]: [] extends FixedOf<T[K]> ? K : never }[Name<T>]
/** What `map` accepts: a task's name, or a bound task from `pool.partial`. */
export type TaskRef<T extends Tasks> = UnaryName<T> | Bound<T>
type NameOf<T extends Tasks, R extends TaskRef<T>> = R extends { task: infer K extends Name<T> } ? K : R & Name<T>
type ItemFor<T extends Tasks, R extends TaskRef<T>> = ItemOf<T[NameOf<T, R>]>
type ResultFor<T extends Tasks, R extends TaskRef<T>> = ResultOf<T[NameOf<T, R>]>

/** A worker took one chunk (`at`: when) or finished it (`start`–`end`: when it ran there). */
export type ChunkEvent =
  | { type: 'start'; chunk: number; worker: number; first: number; count: number; at: number }
  | { type: 'done'; chunk: number; worker: number; first: number; count: number; start: number; end: number }

export type MapOptions = {
  /**
   * Items a worker takes at a time. Left out, it defaults as in Python: what CPython's
   * `chunksize=None` picks (`defaultChunksize`). A chunksize below 1 is refused: CPython's
   * `Pool.map(f, items, chunksize=0)` returns `[None] * n` without calling `f`.
   */
  chunksize?: number
  /** Follows the job chunk by chunk: which worker ran which items, and when (timelines). */
  onChunk?: (event: ChunkEvent) => void
}

export type PoolOptions<T extends Tasks> = {
  /** How many workers; defaults to `navigator.hardwareConcurrency`, the browser's `os.cpu_count()`. */
  size?: number
  /** Aborting it terminates the pool, like `pool.terminate()`. */
  signal?: AbortSignal
  /** A task each worker runs once before any other, like `Pool(initializer=…, initargs=…)`. */
  initializer?: { task: Name<T>; args?: unknown[] }
}

export type PoolState = 'running' | 'terminated'


/**
 * `Pool.map`'s `chunksize=None`, as CPython computes it: `chunksize, extra = divmod(len(items),
 * 4 * workers)`, plus 1 if there is a remainder, and 0 for no items. About four chunks per worker,
 * so stragglers even out.
 */
export function defaultChunksize(items: number, size: number): number {
  const chunksize = Math.floor(items / (4 * size))
  return items % (4 * size) ? chunksize + 1 : chunksize
}

type Job = {
  order: JobOrder
  /** Chunks not yet finished. */
  pending: number
  settled: boolean
  onChunk?: (event: ChunkEvent) => void
  deliver(first: number, results: unknown[]): void
  /** Called once: with nothing on success, with `{ error }` when the job failed or was cancelled. */
  settle(failure?: Failure): void
}
/** Boxed, since a task may throw anything, even `undefined`. */
type Failure = { error: unknown }
type Member<T extends Tasks> = { index: number; spawned: Spawned<TaskServer<T>>; ready: boolean }

const poolTerminated = () => new DOMException('The pool was terminated.', 'AbortError')
/** A worker that was terminated under a call: the group rejects the call with an AbortError. */
const isTermination = (error: unknown) => error instanceof DOMException && error.name === 'AbortError'

let nextJob = 1

/**
 * A member's worker API with task names as plain strings: `T` only narrows the names, and the
 * public methods have already checked those (TypeScript cannot see through Comlink's types for a
 * generic `T`).
 */
const remote = <T extends Tasks>(member: Member<T>) => member.spawned.api as unknown as Remote<TaskServer<Tasks>>

/**
 * A pool of Web Workers modelled on Python's `multiprocessing.Pool`. Tasks are functions a worker
 * module exposes through `poolTasks`, called by name. Every worker gets each job once and takes its
 * chunks in turn through a counter in shared memory, so the pool needs cross-origin isolation
 * (`SharedArrayBuffer`). Results come back in input order, as from Python's `map`.
 */
export class Pool<T extends Tasks> {
  /** The number of workers, fixed at creation. */
  readonly size: number
  readonly #source: WorkerSource<TaskServer<T>>
  readonly #members: Member<T>[]
  /** Jobs not yet settled, by id, oldest first. */
  readonly #jobs = new Map<number, Job>()
  readonly #ready: Promise<void>
  #state: PoolState = 'running'

  constructor(source: WorkerSource<TaskServer<T>>, { size = cpuCount(), signal, initializer }: PoolOptions<T> = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`A pool needs at least 1 worker, not ${size}.`)
    if (typeof SharedArrayBuffer !== 'function') throw new Error('A pool needs SharedArrayBuffer: serve the page cross-origin isolated (COOP and COEP headers).')
    signal?.throwIfAborted()
    this.size = size
    this.#source = source
    this.#members = Array.from({ length: size }, (_, index) => {
      const member: Member<T> = { index, spawned: source.spawn({ signal }), ready: false }
      member.spawned.worker.addEventListener('message', (event) => {
        const { data } = event as MessageEvent<unknown>
        if (isReport(data)) this.#file(member, data)
      })
      return member
    })
    signal?.addEventListener('abort', () => this.terminate(signal.reason), { once: true })
    this.#ready = Promise.all(
      this.#members.map(async (member) => {
        await remote(member).ping()
        if (initializer) await remote(member).initialize(initializer.task, initializer.args ?? [])
        member.ready = true
        // Jobs that came before this worker was ready: it joins in on them now, oldest first.
        for (const job of this.#jobs.values()) void this.#send(member, job)
      }),
    ).then(
      () => undefined,
      (error: unknown) => {
        this.terminate(error)
        throw error
      },
    )
    this.#ready.catch(() => {}) // reported to whoever awaits ready() or a job
  }

  get state(): PoolState {
    return this.#state
  }

  /** Resolves once every worker has loaded (and run the initializer): time start-up, then time the work. */
  ready(): Promise<void> {
    return this.#ready
  }

  /** Fixes the arguments after the item, once: they reach each worker once per job, not with every item. */
  partial<K extends Name<T>>(task: K, ...fixed: FixedOf<T[K]>): Bound<T, K> {
    return { task, fixed }
  }

  // #region map
  /** Applies the task to every item in parallel; resolves with the results in input order. */
  map<R extends TaskRef<T>>(task: R, iterable: Iterable<ItemFor<T, R>>, { chunksize, onChunk }: MapOptions = {}): Promise<ResultFor<T, R>[]> {
    const items = [...iterable]
    const results: ResultFor<T, R>[] = new Array(items.length)
    return new Promise((resolve, reject) => {
      this.#submit(task, items, chunksize ?? defaultChunksize(items.length, this.size), onChunk, {
        deliver: (first, values) => values.forEach((value, i) => (results[first + i] = value as ResultFor<T, R>)),
        settle: (failure) => (failure ? reject(failure.error) : resolve(results)),
      })
    })
  }
  // #endregion

  /** Ends every worker at once, even mid-task; unfinished jobs reject. Python's `pool.terminate()`. */
  terminate(reason: unknown = poolTerminated()): void {
    if (this.#state === 'terminated') return
    this.#state = 'terminated'
    for (const job of [...this.#jobs.values()]) this.#settle(job, { error: reason })
    this.#end()
  }

  #end(): void {
    for (const member of this.#members) this.#source.terminate(member.spawned)
  }

  #submit(
    task: TaskRef<T>,
    items: unknown[],
    chunksize: number,
    onChunk: MapOptions['onChunk'],
    handlers: Pick<Job, 'deliver' | 'settle'>,
  ): Job {
    // CPython's map(chunksize=0) quietly returns [None] * n; this pool refuses. No items need no chunks (CPython's chunksize=None gives 0).
    if (!Number.isInteger(chunksize) || (chunksize < 1 && items.length)) throw new RangeError(`chunksize must be a whole number ≥ 1, not ${chunksize}.`)
    const bound = typeof task === 'string' ? { task, fixed: [] } : (task as Bound<T>)
    const chunks = items.length ? Math.ceil(items.length / chunksize) : 0
    const job: Job = {
      order: { id: nextJob++, task: bound.task, items, chunksize, chunks, fixed: bound.fixed as unknown[], next: new Int32Array(new SharedArrayBuffer(4)) },
      pending: chunks,
      settled: false,
      onChunk,
      ...handlers,
    }
    if (this.#state !== 'running') {
      job.settled = true
      job.settle({ error: new Error('Pool was terminated.') })
      return job
    }
    if (!chunks) {
      job.settled = true
      job.settle()
      return job
    }
    this.#jobs.set(job.order.id, job)
    for (const member of this.#members) if (member.ready) void this.#send(member, job)
    return job
  }

  /**
   * Sends a job to one worker, which works through it with the others, and waits until it has no
   * more chunks to take. Python's workers take their next task from a shared pipe; here they take
   * the next chunk's number from a shared counter, so no worker waits for the page between chunks,
   * not even when the page is itself waiting for a core.
   */
  async #send(member: Member<T>, job: Job): Promise<void> {
    try {
      await remote(member).runJob(job.order)
    } catch (error) {
      if (this.#state === 'terminated') return
      if (isTermination(error)) {
        // Someone ended this worker under us (Stop, leaving the page): the pool cannot go on.
        this.terminate(error)
        return
      }
      // The task raised: that job fails with the task's own error; the worker and the pool carry on.
      this.#settle(job, { error })
    }
  }

  /** Files what a worker reports: the chunk it finished, with its results, and the chunk it took next. */
  #file(member: Member<T>, { job: id, done, took }: Report): void {
    const job = this.#jobs.get(id)
    if (!job || job.settled) return
    const where = (chunk: number) => {
      const first = chunk * job.order.chunksize
      return { chunk, worker: member.index, first, count: Math.min(job.order.chunksize, job.order.items.length - first) }
    }
    if (done) {
      const chunk = where(done.chunk)
      job.onChunk?.({ type: 'done', ...chunk, start: done.start, end: done.end })
      job.deliver(chunk.first, done.results)
      if (--job.pending === 0) this.#settle(job)
    }
    // A chunk still to finish means the job is not over, unless it has been cancelled meanwhile.
    if (took && !job.settled) job.onChunk?.({ type: 'start', ...where(took.chunk), at: took.at })
  }

  #settle(job: Job, failure?: Failure): void {
    if (job.settled) return
    job.settled = true
    this.#jobs.delete(job.order.id)
    // The workers take no more of its chunks; those running finish, and their results are dropped.
    Atomics.store(job.order.next, 0, job.order.chunks)
    job.settle(failure)
  }


}
