import { afterEach, describe, expect, it } from 'vitest'
import { jobsFor, runGilLab, splitEvenly, workloads, type LabResult } from './gil-lab'
import type { GilApi, GilSpan } from '../entry/gil.worker'
import { nodeWorker } from '../testing/node-worker'
import { WorkerGroup } from './worker-group'

const groups: WorkerGroup<GilApi>[] = []
function group() {
  const g = new WorkerGroup<GilApi>(() => nodeWorker('workers/entry/gil.worker.ts'))
  groups.push(g)
  return g
}
afterEach(() => groups.splice(0).forEach((g) => g.terminateAll()))

const runs = (spans: GilSpan[]) => spans.filter((s) => s.kind === 'run')
const overlaps = (a: GilSpan, b: GilSpan) => a.start < b.end && b.start < a.end

/** Pairs of spans from different workers that were running Python at the same moment. */
function parallelRuns({ lanes }: LabResult) {
  const pairs: [GilSpan, GilSpan][] = []
  lanes.forEach((lane, i) =>
    lanes.slice(i + 1).forEach((other) => runs(lane).forEach((a) => runs(other).forEach((b) => overlaps(a, b) && pairs.push([a, b])))),
  )
  return pairs
}

describe('splitEvenly', () => {
  it('splits a total into shares that differ by at most one', () => {
    expect(splitEvenly(24, 5)).toEqual([5, 5, 5, 5, 4])
    expect(splitEvenly(2, 4)).toEqual([1, 1, 0, 0])
    expect(splitEvenly(2400, 3).reduce((a, b) => a + b)).toBe(2400)
  })
})

describe('jobsFor', () => {
  it('shares CPU-bound and I/O-bound work out evenly', () => {
    expect(jobsFor('cpu', 3).map((j) => [j.role, j.units])).toEqual([
      ['cpu', 800],
      ['cpu', 800],
      ['cpu', 800],
    ])
    expect(jobsFor('io', 5).map((j) => j.units)).toEqual([5, 5, 5, 5, 4])
  })

  it('mixed: worker 1 computes until the I/O is done, each other worker does all the waits; alone, a worker does the I/O', () => {
    const io = { role: 'io', units: workloads.mixed.units, ioMs: workloads.mixed.ioMs }
    expect(jobsFor('mixed', 3)).toEqual([{ role: 'cpu', units: 0, ioMs: 0, untilIoDone: true }, io, io])
    expect(jobsFor('mixed', 1)).toEqual([io])
  })
})

describe('the GIL lab, in real worker threads', () => {
  it('threads share one GIL: never two running at once, and it changes hands every switch interval', async () => {
    const result = await runGilLab(group(), { mode: 'threads', workload: 'cpu', workers: 2 })
    expect(parallelRuns(result)).toEqual([])
    // Both threads got many turns, not one long one each.
    for (const lane of result.lanes) expect(runs(lane).length).toBeGreaterThan(3)
    expect(result.handovers).toBeGreaterThan(8)
  }, 60_000)

  it('processes have a GIL each: one unbroken run per worker, never handed over', async () => {
    const g = group()
    const result = await runGilLab(g, { mode: 'processes', workload: 'cpu', workers: 2 })
    expect(g.alive, 'the workers end with the run').toBe(0)
    expect(result.lanes.map((lane) => runs(lane).length)).toEqual([1, 1])
    expect(result.handovers).toBe(0)
  }, 60_000)

  it('threads waiting on I/O release the GIL, so their waits overlap', async () => {
    const result = await runGilLab(group(), { mode: 'threads', workload: 'io', workers: 3 })
    expect(parallelRuns(result)).toEqual([])
    expect(result.handovers).toBeGreaterThan(0)
    const waits = result.lanes.map((lane) => lane.filter((s) => s.kind === 'io'))
    expect(waits.map((w) => w.length)).toEqual(splitEvenly(workloads.io.units, 3))
    expect(waits[0]!.some((a) => waits[1]!.some((b) => overlaps(a, b)))).toBe(true)
    // 8 waits of 40 ms each per thread, not 24 in a row.
    expect(result.ms).toBeLessThan(workloads.io.units * workloads.io.ioMs)
  }, 60_000)

  it('mixed, as threads: every I/O wait ends in a wait for the GIL, which the CPU-bound thread holds', async () => {
    const threads = await runGilLab(group(), { mode: 'threads', workload: 'mixed', workers: 3 })
    const processes = await runGilLab(group(), { mode: 'processes', workload: 'mixed', workers: 3 })
    for (const result of [threads, processes]) {
      expect(result.roles).toEqual(['cpu', 'io', 'io'])
      for (const lane of result.lanes.slice(1)) {
        expect(lane.filter((s) => s.kind === 'io')).toHaveLength(workloads.mixed.units)
        expect(lane.filter((s) => s.kind === 'gil')).toHaveLength(workloads.mixed.units)
      }
      // The CPU-bound worker stops with the I/O: it never ran past the last I/O worker's finish.
      const ioEnd = Math.max(...result.lanes.slice(1).flatMap((lane) => lane.map((s) => s.end)))
      expect(Math.max(...result.lanes[0]!.map((s) => s.end))).toBeLessThan(ioEnd + 50)
    }
    expect(parallelRuns(threads)).toEqual([])
    // One GIL: the CPU-bound thread holds it, so taking it back after I/O takes longer than with a GIL each.
    expect(threads.gilWaitMs!).toBeGreaterThan(processes.gilWaitMs!)
    expect(threads.handovers).toBeGreaterThan(0)
    expect(processes.handovers).toBe(0)
  }, 60_000)

  it('reports each worker’s progress in shared memory while it runs', async () => {
    let read: (() => { state: number; done: number }[]) | undefined
    const result = await runGilLab(group(), { mode: 'threads', workload: 'io', workers: 2 }, { onStart: (status) => (read = status) })
    expect(result.lanes).toHaveLength(2)
    expect(read!()).toEqual([
      { state: 4, done: 12 },
      { state: 4, done: 12 },
    ])
  }, 60_000)

  it('ends when stopped: the workers are terminated and the run rejects', async () => {
    const controller = new AbortController()
    const g = group()
    const running = runGilLab(g, { mode: 'threads', workload: 'cpu', workers: 2 }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 200)
    await expect(running).rejects.toThrow(/terminated/)
    expect(g.alive).toBe(0)
  }, 60_000)
})
