/**
 * The worker side of `Pool` (`./pool.ts`). A worker module lists its tasks — plain named functions —
 * and exposes `poolTasks(tasks)`; the pool then calls them by name. Functions cannot be sent to a
 * worker, just as Python pickles a function by reference (its module and name), never its code.
 *
 *     const tasks = { squareNumber(n: number, multiplier: number) { return n * n * multiplier } }
 *     const api = poolTasks(tasks)
 *     export type SquareApi = typeof api
 *     expose(api)
 */
import { sharedNow } from './clock'

/**
 * A task takes one item first, then any fixed arguments (what `partial` binds). `never` parameters
 * let a task with any parameter types fit.
 */
export type Task = (item: never, ...fixed: never[]) => unknown
export type Tasks = Record<string, Task>

/** What one chunk reports back: its results in input order, and when it ran (ms, on a clock shared with the page). */
export type ChunkReport = { results: unknown[]; start: number; end: number }

/** How a chunk's items become calls: `map` passes each item first, then the fixed arguments; `starmap` spreads each item. */
export type CallStyle = 'map' | 'star'

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
  // A job's fixed arguments arrive once, with the first chunk this worker runs for it.
  const fixedByJob = new Map<number, unknown[]>()
  // A second chunk may arrive while one runs: it waits its turn, as a task waits in Python's pipe.
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
    /**
     * Runs the task over one chunk of items, in order, once the chunk before it has finished: one
     * task at a time per worker, even when tasks are async. The first exception rejects the chunk.
     */
    runChunk(job: number, name: Name, items: unknown[], style: CallStyle, fixed?: unknown[]): Promise<ChunkReport> {
      if (fixed) fixedByJob.set(job, fixed)
      const bound = fixedByJob.get(job) ?? []
      const run = previous.then(async () => {
        const task = lookUp(name)
        const start = sharedNow()
        const results: unknown[] = []
        for (const item of items) {
          results.push(await (style === 'star' ? task(...(item as unknown[])) : task(item, ...bound)))
        }
        return { results, start, end: sharedNow() }
      })
      previous = run.catch(() => {})
      return run
    },
    /** Drops a finished job's fixed arguments. */
    forget(job: number): void {
      fixedByJob.delete(job)
    },
  }
}

export type TaskServer<T extends Tasks> = ReturnType<typeof poolTasks<T>>
