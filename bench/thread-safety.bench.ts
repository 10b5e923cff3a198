import { expect, test, type Page } from '@playwright/test'
import { runsOf } from '../lib/python/recorded'
import type { Interpreter } from '../workers/entry/counter.worker'
import { median, record, settled } from './record'

type CounterResult = { expected: number; actual: number; ms: number }

/** Runs the counter demo once from a preset link; returns its result. */
async function count(page: Page, mode: 'unsafe' | 'lock' | 'atomic', workers: number, increments: number, interpreter: Interpreter = 'free-threaded') {
  await page.goto(`/learn/thread-safety?demo=counter&interpreter=${interpreter}&mode=${mode}&workers=${workers}&increments=${increments}&run=1`)
  const counter = page.locator('[data-demo="counter"]')
  expect(await settled(counter)).toBe('done')
  return JSON.parse((await counter.getAttribute('data-result'))!) as CounterResult
}

const samples = 5

test('thread-safety: lock throughput under contention, beside Atomics.add', async ({ page }) => {
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

/** What CPython printed for each counter of counter.py (4 threads × 1,000,000), from the recording. */
function cpythonLost(counter: string): string {
  const output = runsOf('counter.py')[0]?.output ?? ''
  const found = new RegExp(`${counter}: ([\\d,]+) of ([\\d,]+)`).exec(output)
  if (!found) return `${counter}: not recorded`
  const lost = Number(found[2]!.replaceAll(',', '')) - Number(found[1]!.replaceAll(',', ''))
  return `CPython ${counter}: ${lost.toLocaleString('en-US')} lost`
}

test('thread-safety: updates lost, per interpreter and increment, beside CPython', async ({ page }) => {
  const twins: Record<Interpreter, Record<'unsafe' | 'lock' | 'atomic', string>> = {
    gil: { unsafe: cpythonLost('UnsafeCounter'), lock: cpythonLost('ThreadSafeCounter'), atomic: 'no Python equivalent' },
    'gil-call': { unsafe: cpythonLost('CallCounter'), lock: 'exact (a lock)', atomic: 'no Python equivalent' },
    'free-threaded': { unsafe: 'no free-threaded CPython here to record', lock: 'exact (a lock)', atomic: 'no Python equivalent' },
  }
  for (const interpreter of ['gil', 'gil-call', 'free-threaded'] as const) {
    for (const mode of ['unsafe', 'lock', 'atomic'] as const) {
      const lost: number[] = []
      for (let i = 0; i < 5; i++) {
        const { expected, actual } = await count(page, mode, 4, 1_000_000, interpreter)
        lost.push(expected - actual)
      }
      record({
        name: `counter ${interpreter}, ${mode}, 4 workers × 1,000,000: updates lost (median of 5; range ${Math.min(...lost).toLocaleString('en-US')}–${Math.max(...lost).toLocaleString('en-US')})`,
        value: median(lost),
        unit: 'updates',
        target: twins[interpreter][mode],
      })
    }
  }
})

test('thread-safety: updates lost without a lock, free-threaded', async ({ page }) => {
  for (const workers of [2, 4]) {
    const rates: number[] = []
    for (let i = 0; i < 5; i++) {
      const { expected, actual } = await count(page, 'unsafe', workers, 1_000_000)
      rates.push((100 * (expected - actual)) / expected)
    }
    record({
      name: `unsafe increment, free-threaded, ${workers} workers × 1,000,000: updates lost (median of 5; min ${Math.min(...rates).toFixed(1)}%)`,
      value: median(rates),
      unit: '%',
      target: '> 0 on every run',
    })
  }
})
