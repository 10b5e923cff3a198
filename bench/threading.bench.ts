import { expect, test, type Page } from '@playwright/test'
import { median, record, settled } from './record'

type CounterResult = { expected: number; actual: number; ms: number }

/** Runs the counter demo once from a preset link; returns its result. */
async function count(page: Page, mode: 'unsafe' | 'lock' | 'atomic', workers: number, increments: number) {
  await page.goto(`/learn/threading?demo=counter&mode=${mode}&workers=${workers}&increments=${increments}&run=1`)
  const counter = page.locator('[data-demo="counter"]')
  expect(await settled(counter)).toBe('done')
  return JSON.parse((await counter.getAttribute('data-result'))!) as CounterResult
}

const samples = 5

test('threading: lock throughput under contention, beside Atomics.add', async ({ page }) => {
  for (const [mode, increments, label] of [
    ['lock', 5_000_000, 'lock + increment + unlock'],
    ['atomic', 5_000_000, 'Atomics.add'],
  ] as const) {
    for (const workers of [1, 2, 4]) {
      const rates: number[] = []
      for (let i = 0; i < samples; i++) {
        const result = await count(page, mode, workers, increments)
        expect(result.actual).toBe(result.expected)
        rates.push(result.expected / Math.max(result.ms, 1) / 1000)
      }
      record({
        name: `${label}, ${workers} worker(s), all workers together (median of ${samples})`,
        value: median(rates),
        unit: 'M ops/s',
        target: mode === 'lock' ? 'exact; no faster with more workers: one holds the lock at a time' : 'exact; fastest',
      })
    }
  }
})

test('threading: updates lost without a lock', async ({ page }) => {
  for (const workers of [2, 4]) {
    const rates: number[] = []
    for (let i = 0; i < 5; i++) {
      const { expected, actual } = await count(page, 'unsafe', workers, 1_000_000)
      rates.push((100 * (expected - actual)) / expected)
    }
    record({
      name: `unsafe increment, ${workers} workers × 1,000,000: updates lost (median of 5; min ${Math.min(...rates).toFixed(1)}%)`,
      value: median(rates),
      unit: '%',
      target: '> 0 on every run',
    })
  }
})
