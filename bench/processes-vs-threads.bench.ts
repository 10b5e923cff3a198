import { expect, test, type Page } from '@playwright/test'
import { median, record, settled } from './record'

type GilResult = { ms: number; speedup: number; baselineMs: number; cores: number; gilWaitMs: number | null }

const lesson = '/learn/processes-vs-threads'
const samples = 3

/** The GIL lab at `workers`, on a fresh page (so its one-worker baseline is measured afresh). */
async function lab(page: Page, mode: string, workload: string, workers: number) {
  await page.goto(`${lesson}?demo=gil&mode=${mode}&workload=${workload}&workers=${workers}&run=1`)
  const root = page.locator('[data-demo="gil"]')
  expect(await settled(root)).toBe('done')
  return JSON.parse((await root.getAttribute('data-result'))!) as GilResult
}

test('GIL lab: speedup over one worker at `cores` workers', async ({ page }) => {
  await page.goto(lesson)
  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  for (const [mode, workload, target] of [
    ['threads', 'cpu', '≈ 1 (the GIL)'],
    ['processes', 'cpu', `≈ ${cores} (one GIL each)`],
    ['threads', 'io', `≈ ${cores} (waits overlap)`],
  ] as const) {
    const speedups: number[] = []
    for (let i = 0; i < samples; i++) speedups.push((await lab(page, mode, workload, cores)).speedup)
    record({ name: `GIL lab, ${mode} ${workload}-bound, ${cores} workers vs 1 (median of ${samples})`, value: median(speedups), unit: '×', target })
  }
})

test('GIL lab, mixed: the wait for the GIL after each I/O wait, beside a CPU-bound worker', async ({ page }) => {
  for (const [mode, target] of [
    ['threads', '≈ 5 (a switch interval: CPython 3.11 waits about 5)'],
    ['processes', '≈ 0 (a GIL each)'],
  ] as const) {
    const waits: number[] = []
    for (let i = 0; i < samples; i++) waits.push((await lab(page, mode, 'mixed', 2)).gilWaitMs!)
    record({ name: `GIL lab, mixed, ${mode}: wait for the GIL after each I/O (median of ${samples})`, value: median(waits), unit: 'ms', target })
  }
})

test('start-up: a worker vs a message vs a call', async ({ page }) => {
  await page.goto(`${lesson}?demo=startup&repetitions=30&run=1`)
  const root = page.locator('[data-demo="startup"]')
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: 120_000 })
  const result = JSON.parse((await root.getAttribute('data-result'))!) as { startMs: number; messageMs: number; callUs: number; ratio: number }
  record({ name: 'start a Web Worker and hear back (median of 30)', value: result.startMs, unit: 'ms' })
  record({ name: 'one message to a running worker (median of 30)', value: result.messageMs, unit: 'ms' })
  record({ name: 'a function call in the same thread (median of 30 × 10,000)', value: result.callUs, unit: 'µs' })
  record({ name: 'starting a worker ÷ a call', value: result.ratio, unit: '×' })
})

test('memory: 64 MB copied, transferred, shared', async ({ page }) => {
  await page.goto(`${lesson}?demo=memory&mb=64&run=1`)
  const root = page.locator('[data-demo="memory"]')
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: 120_000 })
  const result = JSON.parse((await root.getAttribute('data-result'))!) as { copyMs: number; transferMs: number; shareMs: number }
  record({ name: '64 MB to a worker, copied (median of 3)', value: result.copyMs, unit: 'ms' })
  record({ name: '64 MB to a worker, transferred (median of 3)', value: result.transferMs, unit: 'ms' })
  record({ name: '64 MB to a worker, shared (median of 3)', value: result.shareMs, unit: 'ms' })
})
