/**
 * The worker side of `Pool` (`../page/pool.ts`). A worker module lists its tasks — plain named functions —
 * and exposes `poolTasks(tasks)`; the pool then calls them by name. Functions cannot be sent to a
 * worker, just as Python pickles a function by reference (its module and name), never its code.
 *
 *     const tasks = { squareNumber(n: number, multiplier: number) { return n * n * multiplier } }
 *     const api = poolTasks(tasks)
 *     export type SquareApi = typeof api
 *     expose(api)
 */
import { sharedNow } from '../clock'

/**
 * A task takes one item first, then any fixed arguments (what `partial` binds). `never` parameters
 * let a task with any parameter types fit.
 */
export type Task = (item: never, ...fixed: never[]) => unknown
export type Tasks = Record<string, Task>

/**
 * A job as each worker receives it, once: every item, and a counter in shared memory that says
 * which chunk is next. A worker takes a chunk by adding 1 to it (`Atomics.add`), so no two take the
 * same one and none has to ask the page for work.
 */
export type JobOrder = {
  id: number
  task: string
  items: unknown[]
  chunksize: number
  /** How many chunks the items make: ⌈items ÷ chunksize⌉. */
  chunks: number
  /** The arguments after the item, for every call of this job (what `partial` fixed). */
  fixed: unknown[]
  /** `next[0]`: the next chunk to take; the page sets it past the end to stop a job. */
  next: Int32Array
}

/** A chunk a worker has finished: its results, and when it ran there (on the shared clock). */
export type Finished = { chunk: number; results: unknown[]; start: number; end: number }
/** A chunk a worker has just taken, and when. */
export type Taken = { chunk: number; at: number }

/**
 * What a worker tells the page as it goes: the chunk it finished and the one it took next, in one
 * message, so a job of n chunks costs the page about n messages, not 2n. Its first report only takes
 * a chunk, its last only finishes one. Reports travel on the worker's own channel, ahead of
 * `runJob`'s answer, so the page files every report of a job before it learns that the job failed.
 * (Comlink ignores messages it is not waiting for.)
 */
export type Report = { report: 'chunks'; job: number; done?: Finished; took?: Taken }

export const isReport = (data: unknown): data is Report => typeof data === 'object' && data !== null && (data as Partial<Report>).report === 'chunks'

/** The worker's global scope, as far as reports need it. */
const workerScope = globalThis as unknown as { postMessage(message: Report): void }


/** Re-exported for the pool's page side, which times chunks on the workers' clock. */
export { sharedNow }

export function poolTasks<T extends Tasks>(tasks: T) {
  type Name = keyof T & string
  type Call = (...args: unknown[]) => unknown
  const lookUp = (name: Name): Call => {
    const task = Object.hasOwn(tasks, name) ? tasks[name] : undefined
    if (typeof task !== 'function') throw new TypeError(`This worker has no task named ${JSON.stringify(name)}.`)
    return task as unknown as Call
  }
  const report = (message: Report) => workerScope.postMessage(message)
  // A second job may arrive while one runs: it waits its turn, as a task waits in Python's pipe.
  let previous: Promise<unknown> = Promise.resolve()

  return {
    /** Answers as soon as the worker has loaded its module: the pool's readiness check. */
    ping(): true {
      return true
    },
    /** Runs once in each worker before any chunk, like `Pool(initializer=…, initargs=…)`. */
    async initialize(name: Name, args: unknown[]): Promise<void> {
      await lookUp(name)(...args)
    },
    // #region claim
    /**
     * Works through a job with the other workers: takes the next chunk, runs the task over its
     * items in order, takes another, and reports both (the results and the new chunk) in one
     * message, until none are left. One job at a time per worker, even when tasks are async. The
     * first exception stops the job for every worker and rejects this call with it.
     */
    runJob(job: JobOrder): Promise<void> {
      // Every worker adds 1 to the same shared counter, so no two take the same chunk.
      const takeChunk = (): Taken | undefined => {
        const chunk = Atomics.add(job.next, 0, 1)
        return chunk < job.chunks ? { chunk, at: sharedNow() } : undefined
      }
      const run = previous.then(async () => {
        const task = lookUp(job.task as Name)
        let took = takeChunk()
        if (took) report({ report: 'chunks', job: job.id, took })
        while (took) {
          const { chunk, at: start } = took
          const results: unknown[] = []
          try {
            for (const item of job.items.slice(chunk * job.chunksize, (chunk + 1) * job.chunksize)) {
              results.push(await task(item, ...job.fixed))
            }
          } catch (error) {
            Atomics.store(job.next, 0, job.chunks) // no worker takes another chunk of a failed job
            throw error
          }
          const done: Finished = { chunk, results, start, end: sharedNow() }
          took = takeChunk()
          report({ report: 'chunks', job: job.id, done, took })
        }
      })
      previous = run.catch(() => {})
      return run
    },
    // #endregion
  }
}

export type TaskServer<T extends Tasks> = ReturnType<typeof poolTasks<T>>
