import { expect, test } from '@playwright/test'
import { median, record, runDemo } from './record'

type SpeedupResult = { workers: number; ms: number; total: number; startupMs: number; busyMs: number }

test('pool: speedup with every core vs one worker, and pool start-up', async ({ page }) => {
  // Network idle: the links' prefetches have been served, so the server is not working during the runs.
  await page.goto('/learn/multiprocessing', { waitUntil: 'networkidle' })
  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  const demo = page.locator('[data-demo="pool-speedup"]')
  const workerCounts = cores > 1 ? [1, cores] : [1]
  // One untimed round first: the page's own code (the pool, the messages, the drawing) is still
  // cold on the first run, and its JIT compiling would land on the first timings.
  for (const workers of workerCounts) {
    await demo.getByRole('textbox', { name: /^Workers/ }).fill(String(workers))
    expect(await runDemo(demo)).toBe('done')
  }
  const best = new Map<number, number>()
  const startups = new Map<number, number[]>()
  const busy = new Map<number, number[]>()

  // Best of three, alternating 1 and `cores` workers, so a busy moment hurts both alike.
  for (let round = 0; round < 3; round++) {
    for (const workers of workerCounts) {
      await demo.getByRole('textbox', { name: /^Workers/ }).fill(String(workers))
      expect(await runDemo(demo)).toBe('done')
      const result = JSON.parse((await demo.getAttribute('data-result'))!) as SpeedupResult
      expect(result.workers).toBe(workers)
      best.set(workers, Math.min(best.get(workers) ?? Infinity, result.ms))
      startups.set(workers, [...(startups.get(workers) ?? []), result.startupMs])
      busy.set(workers, [...(busy.get(workers) ?? []), (100 * result.busyMs) / (workers * result.ms)])
    }
  }

  record({ name: 'pool speedup job (primes below 6.4M), 1 worker, best of 3', value: best.get(1)!, unit: 'ms' })
  if (cores > 1) {
    record({ name: `pool speedup job, ${cores} workers, best of 3`, value: best.get(cores)!, unit: 'ms' })
    record({
      name: `pool speedup, ${cores} workers vs 1 (best of 3, alternating)`,
      value: best.get(1)! / best.get(cores)!,
      unit: '×',
      target: `ideal ${cores}; target ≥ ${(0.9 * cores).toFixed(1)}`,
    })
  }
  // The rest of the wall time, workers wait: for the job to reach them, and at the end for the last chunk.
  for (const [workers, samples] of busy) {
    record({ name: `pool: share of the run the ${workers === 1 ? 'worker spends' : `${workers} workers spend`} computing (median of 3)`, value: median(samples), unit: '%', target: 'ideal 100' })
  }
  for (const [workers, samples] of startups) {
    record({ name: `pool start-up, ${workers} worker(s) ready (median of 3)`, value: median(samples), unit: 'ms' })
  }
})
