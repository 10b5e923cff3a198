import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import type { PoolTasks } from '../entry/pool.worker'
import { defaultChunksize, Pool, type ChunkEvent } from './pool'
import { isReport, sharedNow, type Report, type TaskServer } from '../inside/pool-tasks'
import type { FixtureTasks } from '../testing/pool-fixture.worker'
import { nodeWorker } from '../testing/node-worker'
import { WorkerGroup, type WorkerLike } from './worker-group'

const groups: WorkerGroup<unknown>[] = []
/**
 * A WorkerGroup of real worker threads running `entry`, ended after each test. `spy` sees what the
 * page sends each worker, `heard` what each worker sends the page.
 */
function threads<Api>(entry: string, spy?: (message: unknown) => void, heard?: (message: unknown) => void) {
  const group = new WorkerGroup<Api>(() => {
    const worker = nodeWorker(entry)
    if (heard) worker.addEventListener('message', (event) => heard((event as MessageEvent<unknown>).data))
    if (!spy) return worker
    const post = worker.postMessage.bind(worker)
    return Object.assign(worker, {
      postMessage: (message: unknown, transfer?: Transferable[]) => {
        spy(message)
        post(message, transfer)
      },
    }) satisfies WorkerLike
  })
  groups.push(group as WorkerGroup<unknown>)
  return group
}
const fixtures = (spy?: (message: unknown) => void, heard?: (message: unknown) => void) =>
  threads<TaskServer<FixtureTasks>>('workers/testing/pool-fixture.worker.ts', spy, heard)

afterEach(() => {
  for (const group of groups.splice(0)) group.terminateAll()
  vi.unstubAllGlobals()
})

/** The finished chunks in the order they ran, checked to have run one at a time: none started before the one before it ended. */
function oneAtATime(events: ChunkEvent[]) {
  const ran = events.flatMap((e) => (e.type === 'done' ? [e] : [])).sort((a, b) => a.start - b.start)
  for (let i = 1; i < ran.length; i++) expect(ran[i]!.start).toBeGreaterThanOrEqual(ran[i - 1]!.end)
  return ran
}

describe('chunksize', () => {
  it("picks what CPython's chunksize=None picks: about four chunks per worker, rounded up", () => {
    // CPython: chunksize, extra = divmod(len(iterable), len(pool) * 4); if extra: chunksize += 1
    // and chunksize = 0 for an empty iterable. Each line checked with Pool(w).map on 3.11 and 3.13.
    expect(defaultChunksize(10, 4)).toBe(1)
    expect(defaultChunksize(16, 4)).toBe(1)
    expect(defaultChunksize(17, 4)).toBe(2)
    expect(defaultChunksize(100, 4)).toBe(7)
    expect(defaultChunksize(64, 2)).toBe(8)
    expect(defaultChunksize(1000, 3)).toBe(84)
    expect(defaultChunksize(0, 4)).toBe(0)
  })

  it('maps no items to no results with the default chunksize, as Pool.map(f, []) returns []', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 2 })
    await expect(pool.map('square', [])).resolves.toEqual([])
    pool.terminate()
  })

  it("refuses a chunksize below 1, where CPython's map(chunksize=0) would return [None] * n", async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 1 })
    await expect(pool.map('square', [1], { chunksize: 0 })).rejects.toThrow(RangeError)
    await expect(pool.map('square', [1], { chunksize: 1.5 })).rejects.toThrow(RangeError)
    pool.terminate()
  })
})

describe('Pool.map on the lesson\'s worker', () => {
  it("gives the notes' result for partial(square_number, multiplier=2) over range(10)", async () => {
    const pool = new Pool<PoolTasks>(threads<TaskServer<PoolTasks>>('workers/entry/pool.worker.ts'), { size: 4 })
    const results = await pool.map(pool.partial('squareNumber', 2), Array.from({ length: 10 }, (_, n) => n))
    expect(results).toEqual([0, 2, 8, 18, 32, 50, 72, 98, 128, 162])
    pool.terminate()
  })
})

describe('Pool.map', () => {
  it('sends chunks of chunksize and reports which worker ran each', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 2 })
    const events: ChunkEvent[] = []
    const results = await pool.map('square', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { chunksize: 3, onChunk: (e) => events.push(e) })
    expect(results).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81])
    const done = events.filter((e) => e.type === 'done').sort((a, b) => a.first - b.first)
    expect(done.map((e) => [e.first, e.count])).toEqual([[0, 3], [3, 3], [6, 3], [9, 1]])
    for (const e of done) {
      expect([0, 1]).toContain(e.worker)
      if (e.type === 'done') expect(e.end).toBeGreaterThanOrEqual(e.start)
    }
    expect(events.filter((e) => e.type === 'start')).toHaveLength(4)
    pool.terminate()
  })

  it('tells the page of a finished chunk and of the next one it takes in a single message', async () => {
    const reports: Report[] = []
    const pool = new Pool<FixtureTasks>(
      fixtures(undefined, (message) => isReport(message) && reports.push(message)),
      { size: 1 },
    )
    const events: ChunkEvent[] = []
    await expect(pool.map('square', [1, 2, 3, 4], { chunksize: 1, onChunk: (e) => events.push(e) })).resolves.toEqual([1, 4, 9, 16])
    // Four chunks, five messages: the first only takes a chunk, the last only finishes one.
    expect(reports.map(({ done, took }) => [done?.chunk, took?.chunk])).toEqual([
      [undefined, 0],
      [0, 1],
      [1, 2],
      [2, 3],
      [3, undefined],
    ])
    expect(events.map((e) => `${e.type} ${e.chunk}`)).toEqual(['start 0', 'done 0', 'start 1', 'done 1', 'start 2', 'done 2', 'start 3', 'done 3'])
    pool.terminate()
  })

  it('keeps input order when later chunks finish first', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 3 })
    await pool.ready()
    const delays = [300, 200, 100, 0, 0]
    const finished: number[] = []
    const results = await pool.map('echoAfter', delays, {
      chunksize: 1,
      onChunk: (e) => e.type === 'done' && finished.push(e.first),
    })
    expect(results).toEqual(delays)
    expect(finished).not.toEqual([0, 1, 2, 3, 4])
    pool.terminate()
  })

  it('workers take their next chunk themselves: they keep going while the page is busy', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 2 })
    await pool.ready()
    const events: ChunkEvent[] = []
    const job = pool.map('spin', [30, 30, 30, 30, 30, 30], { chunksize: 1, onChunk: (e) => events.push(e) })
    // The page is blocked for longer than the whole job takes, so it cannot hand anything out.
    const blockedUntil = sharedNow() + 400
    while (sharedNow() < blockedUntil);
    await job
    const done = events.filter((e) => e.type === 'done')
    expect(done.map((e) => e.first).sort()).toEqual([0, 1, 2, 3, 4, 5])
    expect(done.every((e) => e.end <= blockedUntil)).toBe(true)
    pool.terminate()
  })

  it('runs one chunk at a time per worker, and a second job after the first', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 1 })
    await pool.ready()
    const events: ChunkEvent[] = []
    const first = pool.map('echoAfter', [20, 20, 20], { chunksize: 1, onChunk: (e) => events.push(e) })
    const second = pool.map('echoAfter', [0, 0], { chunksize: 1, onChunk: (e) => events.push(e) })
    await expect(Promise.all([first, second])).resolves.toEqual([[20, 20, 20], [0, 0]])
    expect(oneAtATime(events).map((e) => e.count)).toHaveLength(5)
    // The second job's chunks (first item 0 and 1 of a 0 ms echo) ran after all three of the first's.
    const startOrder = events.filter((e) => e.type === 'start').map((e) => e.first)
    expect(startOrder).toEqual([0, 1, 2, 0, 1])
    pool.terminate()
  })

  it('runs on several threads at once', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 2 })
    await pool.ready()
    const threadIds = await pool.map('spin', [80, 80, 80, 80], { chunksize: 1 })
    expect(new Set(threadIds).size).toBe(2)
    pool.terminate()
  })

  it('sends each worker the job once, with the fixed arguments of a partial, not once per chunk', async () => {
    const orders: { fixed: unknown[]; items: unknown[] }[] = []
    const spy = (message: unknown) => {
      const m = message as { path?: string[]; argumentList?: { value?: unknown }[] }
      if (m.path?.[0] === 'runJob') orders.push(m.argumentList![0]!.value as (typeof orders)[number])
    }
    const pool = new Pool<FixtureTasks>(fixtures(spy), { size: 2 })
    await pool.ready()
    const results = await pool.map(pool.partial('scale', 10), [1, 2, 3, 4, 5, 6, 7, 8], { chunksize: 1 })
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70, 80])
    expect(orders).toHaveLength(2)
    for (const order of orders) expect(order).toMatchObject({ fixed: [10], items: [1, 2, 3, 4, 5, 6, 7, 8] })
    pool.terminate()
  })

  it('resolves at once with no items', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 1 })
    await expect(pool.map('square', [])).resolves.toEqual([])
    pool.terminate()
  })
})

describe('a task that raises', () => {
  it('rejects the map with its own error, and the pool stays usable', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 2 })
    const items = Array.from({ length: 40 }, (_, i) => i)
    const started: number[] = []
    const failing = pool.map(pool.partial('failOn', 3), items, { chunksize: 1, onChunk: (e) => e.type === 'start' && started.push(e.first) })
    await expect(failing).rejects.toMatchObject({ name: 'ValueError', message: 'bad item 3' })
    // The chunk that raised was reported taken before its error arrived: the demo can say which worker raised it.
    expect(started).toContain(3)
    // The failed job's queued chunks are dropped, not run.
    expect(started.length).toBeLessThan(items.length)
    expect(pool.state).toBe('running')
    await expect(pool.map('square', [1, 2, 3])).resolves.toEqual([1, 4, 9])
    await expect(pool.map(pool.partial('failOn', 5), [5])).rejects.toThrow('bad item 5')
    await expect(pool.map(pool.partial('add', 2), [1])).resolves.toEqual([3])
    pool.terminate()
  })
})

describe('Pool initializer', () => {
  it('runs the initializer once in each worker before any task', async () => {
    const pool = new Pool<FixtureTasks>(fixtures(), { size: 2, initializer: { task: 'setTag', args: ['#'] } })
    await expect(pool.map('tagged', [1, 2, 3, 4], { chunksize: 1 })).resolves.toEqual(['#1', '#2', '#3', '#4'])
    pool.terminate()
  })
})

describe('cancellation and shutdown', () => {
  it('aborting the signal terminates every worker and rejects the map', async () => {
    const group = fixtures()
    const controller = new AbortController()
    const pool = new Pool<FixtureTasks>(group, { size: 2, signal: controller.signal })
    await pool.ready()
    expect(group.alive).toBe(2)
    const job = pool.map('spin', [5_000, 5_000, 5_000], { chunksize: 1 })
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()
    await expect(job).rejects.toMatchObject({ name: 'AbortError' })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(group.alive).toBe(0)
    expect(pool.state).toBe('terminated')
    await expect(pool.map('square', [1])).rejects.toThrow('terminated')
  })

  it('terminate() ends the workers mid-task', async () => {
    const group = fixtures()
    const pool = new Pool<FixtureTasks>(group, { size: 2 })
    const job = pool.map('spin', [5_000, 5_000], { chunksize: 1 })
    await pool.ready()
    pool.terminate()
    await expect(job).rejects.toMatchObject({ name: 'AbortError' })
    expect(group.alive).toBe(0)
  })

  it('a worker ended by its owner (Stop, leaving the page) ends the pool', async () => {
    const group = fixtures()
    const pool = new Pool<FixtureTasks>(group, { size: 2 })
    await pool.ready()
    const job = pool.map('spin', [5_000, 5_000], { chunksize: 1 })
    setTimeout(() => group.terminateAll(), 50)
    await expect(job).rejects.toMatchObject({ name: 'AbortError' })
    expect(pool.state).toBe('terminated')
  })
})

describe('pool size', () => {
  const fake = () => {
    const spawned: object[] = []
    return {
      spawned,
      source: {
        spawn: () => {
          const worker: WorkerLike = { postMessage() {}, addEventListener() {}, removeEventListener() {}, terminate() {} }
          const entry = { worker, api: { ping: () => new Promise<true>(() => {}) } }
          spawned.push(entry)
          return entry as never
        },
        terminate: vi.fn(),
      },
    }
  }

  it('defaults to navigator.hardwareConcurrency, like cpu_count()', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 3 })
    const { source, spawned } = fake()
    const pool = new Pool<FixtureTasks>(source)
    expect(pool.size).toBe(3)
    expect(spawned).toHaveLength(3)
    pool.terminate()
    expect(source.terminate).toHaveBeenCalledTimes(3)
  })

  it('refuses fewer than one worker', () => {
    expect(() => new Pool<FixtureTasks>(fake().source, { size: 0 })).toThrow(RangeError)
  })
})

describe('types', () => {
  it('follow each task from name to result', () => {
    // Type-level only: `npm run typecheck` fails if these stop holding.
    const check = (pool: Pool<PoolTasks>) => {
      expectTypeOf(pool.map(pool.partial('squareNumber', 2), [1, 2])).toEqualTypeOf<Promise<number[]>>()
      expectTypeOf(pool.map(pool.partial('countPrimes', 1000), [0])).toEqualTypeOf<Promise<number[]>>()
      // @ts-expect-error square_number needs its multiplier: map it through partial
      void pool.map('squareNumber', [1, 2])
      // @ts-expect-error the multiplier is a number
      void pool.partial('squareNumber', '2')
      // @ts-expect-error no such task
      void pool.map('cube', [3])
      // @ts-expect-error items are numbers
      void pool.map(pool.partial('squareNumber', 2), ['1'])
    }
    expect(check).toBeTypeOf('function')
  })
})
