import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocate, Barrier, Mutex, ThreadingSemaphore, type Region } from './sync'
import type { Job, Report } from '../testing/sync.test-worker'

// Node 20 cannot run TypeScript in a worker thread: transpile the primitives and the worker once.
let dir = ''
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sync-test-'))
  for (const file of ['sync.ts', '../testing/sync.test-worker.ts']) {
    const source = readFileSync(path.join(__dirname, file), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    })
    writeFileSync(path.join(dir, path.basename(file).replace(/\.ts$/, '.mjs')), outputText.replace(`from '../shared/sync'`, `from './sync.mjs'`))
  }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Starts a real thread on `job`; resolves with its report, rejects if it throws or takes longer than `limitMs` (a deadlock). */
function thread(job: Job, limitMs = 15_000): Promise<Report> {
  const worker = new Worker(path.join(dir, 'sync.test-worker.mjs'), { workerData: job })
  return new Promise<Report>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(new Error(`thread still running after ${limitMs} ms: deadlocked?`))
    }, limitMs)
    worker.once('message', (report: Report) => {
      clearTimeout(timer)
      resolve(report)
    })
    worker.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  }).finally(() => void worker.terminate())
}

const ints = (region: Region, length: number) => new Int32Array(region.buffer, region.byteOffset, length)

async function count(mode: 'unsafe' | 'lock' | 'atomic', threads: number, n: number) {
  const at = allocate({ counter: 4, inside: 4, lock: Mutex.bytes, start: Barrier.bytes })
  Mutex.create(at.lock)
  Barrier.create(threads, at.start)
  const reports = await Promise.all(Array.from({ length: threads }, () => thread({ task: 'count', mode, n, ...at })))
  return { value: ints(at.counter, 1)[0]!, violations: reports.reduce((sum, r) => sum + (r.violations ?? 0), 0) }
}

describe('allocate', () => {
  it('gives each name its own aligned region of one buffer', () => {
    const at = allocate({ a: 1, b: Mutex.bytes, c: Barrier.bytes })
    expect(at.a.buffer).toBe(at.b.buffer)
    expect([at.a.byteOffset, at.b.byteOffset, at.c.byteOffset]).toEqual([0, 4, 8])
    expect(at.c.buffer.byteLength).toBe(8 + Barrier.bytes)
  })

  it('refuses memory that is not shared, or misaligned', () => {
    expect(() => new Mutex({ buffer: new ArrayBuffer(4) as unknown as SharedArrayBuffer, byteOffset: 0 })).toThrow(/SharedArrayBuffer/)
    expect(() => new Mutex({ buffer: new SharedArrayBuffer(8), byteOffset: 2 })).toThrow(/multiple of 4/)
  })
})

describe('Mutex', () => {
  it('keeps 8 threads × 20,000 read-then-write increments exact, one thread inside at a time', async () => {
    const { value, violations } = await count('lock', 8, 20_000)
    expect(violations).toBe(0)
    expect(value).toBe(160_000)
  })

  it('is needed: the same increments without it lose updates', async () => {
    // The control for the test above. Racing threads almost always collide; allow three tries.
    let lost = 0
    for (let attempt = 0; attempt < 3 && lost === 0; attempt++) lost = 4 * 1_000_000 - (await count('unsafe', 4, 1_000_000)).value
    expect(lost).toBeGreaterThan(0)
  })

  it('re-attaches from its region: two views are the same lock', () => {
    const lock = Mutex.create()
    const view = new Mutex(lock.region)
    expect(lock.tryAcquire()).toBe(true)
    expect(view.locked).toBe(true)
    expect(view.tryAcquire()).toBe(false)
    view.release()
    expect(lock.locked).toBe(false)
  })

  it('throws when a free lock is released, as Python does', () => {
    expect(() => Mutex.create().release()).toThrow('release unlocked lock')
  })

  it('gives up after the acquire timeout while another thread holds it', async () => {
    const lock = Mutex.create()
    lock.acquire()
    const report = await thread({ task: 'acquire', lock: lock.region, timeoutMs: 150, holdMs: 0 })
    expect(report.acquired).toBe(false)
    expect(report.ms).toBeGreaterThanOrEqual(145)
    expect(report.ms).toBeLessThan(2_000)
    lock.release()
  })

  it('sleeps while it waits instead of spinning, and wakes when released', async () => {
    const lock = Mutex.create()
    lock.acquire()
    const waiting = thread({ task: 'acquire', lock: lock.region, timeoutMs: 10_000, holdMs: 0 })
    // State 2 means "locked, and someone may be asleep waiting": the thread has arrived.
    while (ints(lock.region, 1)[0] !== 2) await new Promise((resolve) => setTimeout(resolve, 5))
    await new Promise((resolve) => setTimeout(resolve, 300))
    lock.release()
    const report = await waiting
    expect(report.acquired).toBe(true)
    expect(report.ms).toBeGreaterThanOrEqual(290)
    // A spin lock would call Atomics.wait never (or thousands of times); this one parks once or twice.
    expect(report.waits).toBeGreaterThanOrEqual(1)
    expect(report.waits).toBeLessThanOrEqual(3)
    expect(lock.locked).toBe(false)
  })
})

describe('Semaphore', () => {
  it('lets at most 3 of 10 threads in at once, and all of them through', async () => {
    const at = allocate({ semaphore: ThreadingSemaphore.bytes, stats: 12, start: Barrier.bytes })
    const semaphore = ThreadingSemaphore.create(3, { region: at.semaphore })
    Barrier.create(10, at.start)
    await Promise.all(Array.from({ length: 10 }, () => thread({ task: 'semaphore', ...at, holdMs: 2, rounds: 20 })))
    const [inside, most, completed] = ints(at.stats, 3)
    expect(inside).toBe(0)
    expect(completed).toBe(200)
    expect(most).toBeLessThanOrEqual(3)
    expect(most).toBeGreaterThanOrEqual(2)
    expect(semaphore.value).toBe(3)
    expect(semaphore.waiting).toBe(0)
  })

  it('times out when no permit comes back', () => {
    const semaphore = ThreadingSemaphore.create(1)
    expect(semaphore.acquire(0)).toBe(true)
    const started = performance.now()
    expect(semaphore.acquire(80)).toBe(false)
    expect(performance.now() - started).toBeGreaterThanOrEqual(75)
  })

  it('refuses to be released past its start value when bounded', () => {
    const bounded = ThreadingSemaphore.create(2, { bounded: true })
    expect(() => bounded.release()).toThrow('released too many times')
    const plain = ThreadingSemaphore.create(2)
    plain.release()
    expect(plain.value).toBe(3)
  })
})

describe('Barrier', () => {
  it('holds 6 threads at each of 50 rounds until all have arrived', async () => {
    const at = allocate({ barrier: Barrier.bytes, slots: 6 * 4 })
    Barrier.create(6, at.barrier)
    const reports = await Promise.all(Array.from({ length: 6 }, (_, id) => thread({ task: 'barrier', ...at, id, rounds: 50 })))
    expect(reports.map((r) => r.violations)).toEqual([0, 0, 0, 0, 0, 0])
    expect(reports.every((r) => !r.broken)).toBe(true)
    // Each round hands out the arrival indices 0…5 once.
    for (let round = 0; round < 50; round++) {
      expect(reports.map((r) => r.indices![round]).sort()).toEqual([0, 1, 2, 3, 4, 5])
    }
  })

  it('breaks for everyone when a waiter times out', async () => {
    const at = allocate({ barrier: Barrier.bytes, slots: 3 * 4 })
    const barrier = Barrier.create(3, at.barrier)
    // Two of three parties come: the one with the short timeout breaks the barrier, freeing the other.
    const reports = await Promise.all([
      thread({ task: 'barrier', ...at, id: 0, rounds: 1, timeoutMs: 150 }),
      thread({ task: 'barrier', ...at, id: 1, rounds: 1, timeoutMs: 10_000 }),
    ])
    expect(reports.map((r) => r.broken)).toEqual([true, true])
    expect(barrier.broken).toBe(true)
  })
})
