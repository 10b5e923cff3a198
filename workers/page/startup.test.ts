import { describe, expect, it } from 'vitest'
import { measureStartup, type StartupSample } from './startup'
import type { StartupApi } from '../entry/startup.worker'
import { median } from '../stats'
import { nodeWorker } from '../testing/node-worker'
import { WorkerGroup } from './worker-group'

describe('median', () => {
  it('is the middle sample, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})

describe('measureStartup, in real worker threads', () => {
  it('starts and ends one worker per repetition and reports the medians', async () => {
    const group = new WorkerGroup<StartupApi>(() => nodeWorker('workers/entry/startup.worker.ts'))
    const seen: StartupSample[][] = []
    const result = await measureStartup(group, 3, { onSample: (samples) => seen.push(samples) })
    expect(seen.map((s) => s.length)).toEqual([1, 2, 3])
    expect(group.alive).toBe(0)
    expect(result.repetitions).toBe(3)
    expect(result.startMs).toBe(median(seen[2]!.map((s) => s.startMs)))
    // Starting a thread costs far more than a call; a message to a running one sits between.
    expect(result.startMs).toBeGreaterThan(result.messageMs)
    expect(result.callUs / 1000).toBeLessThan(result.messageMs)
  }, 60_000)

  it('stops between repetitions when aborted', async () => {
    const group = new WorkerGroup<StartupApi>(() => nodeWorker('workers/entry/startup.worker.ts'))
    const controller = new AbortController()
    const running = measureStartup(group, 50, { signal: controller.signal, onSample: () => controller.abort() })
    await expect(running).rejects.toThrow()
    expect(group.alive).toBe(0)
  }, 60_000)
})
