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
