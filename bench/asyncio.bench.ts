import { expect, test, type Page } from '@playwright/test'
import { median, record } from './record'

type FetchResult = { mode: string; ms: number; ok: number; failed: number; most: number }

const delay = 500
const lesson = '/learn/asyncio-io-and-aiohttp'

async function fetchRun(page: Page, mode: string, requests: number): Promise<FetchResult> {
  await page.goto(`${lesson}?demo=async-fetch&mode=${mode}&requests=${requests}&delay=${delay}&run=1`)
  const root = page.locator('[data-demo="async-fetch"]')
  await expect(root).toHaveAttribute('data-state', 'done', { timeout: 120_000 })
  const result = JSON.parse((await root.getAttribute('data-result'))!) as FetchResult
  expect(result.failed).toBe(0)
  return result
}

/** The median wall time of a few runs. */
async function timed(page: Page, mode: string, requests: number, runs = 3) {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push((await fetchRun(page, mode, requests)).ms)
  return median(samples)
}

test('async fetch: gather and sequential against one request', async ({ page }) => {
  const one = await timed(page, 'gather', 1, 5)
  record({ name: `async fetch: one request (server waits ${delay} ms)`, value: one, unit: 'ms' })
  for (const n of [5, 20, 50]) {
    const ms = await timed(page, 'gather', n)
    record({
      name: `async fetch: gather of ${n} ÷ one request`,
      value: ms / one,
      unit: '×',
      // Chromium opens at most 6 HTTP/1.1 connections per server: beyond 6, requests queue.
      target: `ideal 1.0; ≈ ${Math.ceil(n / 6)} under the browser's 6 connections per server`,
    })
  }
  const sequential = await timed(page, 'sequential', 5, 1)
  record({ name: 'async fetch: sequential 5 ÷ one request', value: sequential / one, unit: '×', target: 'ideal 5' })
})

test('Python in the browser: cold load and time to first output', async ({ page }) => {
  test.setTimeout(5 * 60_000)
  // A fresh context: nothing of Pyodide in the HTTP cache.
  await page.goto('/learn/asyncio')
  const python = page.locator('[data-demo="python"]')
  await python.getByRole('button', { name: /^Run/ }).waitFor()
  const clicked = await page.evaluate(() => {
    const log = document.querySelector('[data-demo="python"] [role="log"]')!
    const seen = new MutationObserver(() => {
      if (log.textContent?.includes('gathering')) {
        ;(window as unknown as { firstOutput: number }).firstOutput = performance.now()
        seen.disconnect()
      }
    })
    seen.observe(log, { childList: true, subtree: true, characterData: true })
    return performance.now()
  })
  await python.getByRole('button', { name: /^Run/ }).click()
  await expect(python).toHaveAttribute('data-state', 'done', { timeout: 4 * 60_000 })
  const result = JSON.parse((await python.getAttribute('data-result'))!) as { ms: number; loadMs: number }
  const firstOutput = await page.evaluate(() => (window as unknown as { firstOutput: number }).firstOutput)
  record({ name: 'Python (Pyodide): cold load, click to interpreter ready', value: result.loadMs / 1000, unit: 's', target: '~6–7 s on 2 idle cores' })
  record({ name: 'Python (Pyodide): click to first line of output', value: (firstOutput - clicked) / 1000, unit: 's' })
  record({ name: 'Python (Pyodide): gather of three 1 s sleeps, run time', value: result.ms / 1000, unit: 's', target: 'ideal 1.0' })
})
