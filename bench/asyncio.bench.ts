import { expect, test, type Locator } from '@playwright/test'
import { median, record, runDemo, settled } from './record'

type FetchResult = { mode: string; ms: number; ok: number; failed: number; most: number }

/** One request's phases, from the browser's Resource Timing. */
type Phases = { stalled: number; ttfb: number; beyondWait: number; download: number; lag: number }

const delay = 300
const lesson = '/learn/asyncio-io-and-aiohttp'

/**
 * Runs the demo by its Run button on a page that has settled (its link prefetches served), and
 * reads each request's phases: stalled (fetch called → request sent: waiting for a connection),
 * time to first byte (the server's wait and its own work; the route reports the wait itself in a
 * Server-Timing header), download, and the page's lag (the last response in → the run's end).
 */
async function fetchRun(demo: Locator, requests: number): Promise<FetchResult & { phases: Phases }> {
  await demo.getByRole('textbox', { name: /^Requests/ }).fill(String(requests))
  expect(await runDemo(demo)).toBe('done')
  const result = JSON.parse((await demo.getAttribute('data-result'))!) as FetchResult
  expect(result).toMatchObject({ ok: requests, failed: 0 })
  const entries = await demo.page().evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.includes('/api/delay'))
      .map(({ startTime, requestStart, responseStart, responseEnd, serverTiming }) => ({
        startTime,
        requestStart,
        responseStart,
        responseEnd,
        wait: serverTiming.find((t) => t.name === 'wait')?.duration ?? NaN,
      })),
  )
  expect(entries).toHaveLength(requests)
  const t0 = Math.min(...entries.map((e) => e.startTime))
  const most = (f: (e: (typeof entries)[number]) => number) => Math.max(...entries.map(f))
  return {
    ...result,
    phases: {
      stalled: most((e) => e.requestStart - e.startTime),
      ttfb: most((e) => e.responseStart - e.requestStart),
      beyondWait: most((e) => e.responseStart - e.requestStart - e.wait),
      download: most((e) => e.responseEnd - e.responseStart),
      lag: result.ms - (most((e) => e.responseEnd) - t0),
    },
  }
}

test('async fetch: gather and sequential against one request', async ({ page }) => {
  await page.goto(`${lesson}?demo=async-fetch&mode=gather&delay=${delay}`, { waitUntil: 'networkidle' })
  const demo = page.locator('[data-demo="async-fetch"]')
  await fetchRun(demo, 5) // unmeasured: the server's and the page's code warm up
  // Alternating one and five, so a busy moment on the machine hurts both alike.
  const runs = new Map<number, Awaited<ReturnType<typeof fetchRun>>[]>([[1, []], [5, []]])
  for (let round = 0; round < 7; round++) for (const n of [1, 5]) runs.get(n)!.push(await fetchRun(demo, n))
  const wall = (n: number) => median(runs.get(n)!.map((r) => r.ms))
  const one = wall(1)
  record({ name: `async fetch: one request (server waits ${delay} ms; median of 7)`, value: one, unit: 'ms', target: `ideal ${delay}` })
  record({ name: 'async fetch: gather of 5 ÷ one request (medians of 7, alternating)', value: wall(5) / one, unit: '×', target: '≤ 1.10', budget: { max: 1.1 } })
  const phase = (n: number, k: keyof Phases) => median(runs.get(n)!.map((r) => r.phases[k]))
  for (const [k, what] of [
    ['stalled', 'stalled (fetch called → request sent)'],
    ['ttfb', 'time to first byte'],
    ['beyondWait', "time to first byte beyond the server's wait (Server-Timing)"],
    ['download', 'download'],
    ['lag', 'page lag (last response → run ends)'],
  ] as const) {
    record({ name: `async fetch, ${what}: slowest of gather 5 (one request: ${phase(1, k).toFixed(1)} ms; medians of 7)`, value: phase(5, k), unit: 'ms' })
  }
  // From an instructor's `&run=1` link: the run starts as the page settles, beside its own start-up requests.
  const linked = new Map<number, number[]>([[1, []], [5, []]])
  for (let round = 0; round < 5; round++) {
    for (const n of [1, 5]) {
      await page.goto(`${lesson}?demo=async-fetch&mode=gather&requests=${n}&delay=${delay}&run=1`)
      expect(await settled(demo)).toBe('done')
      linked.get(n)!.push((JSON.parse((await demo.getAttribute('data-result'))!) as FetchResult).ms)
    }
  }
  record({
    name: 'async fetch, from a run=1 link: gather of 5 ÷ one request (medians of 5, alternating)',
    value: median(linked.get(5)!) / median(linked.get(1)!),
    unit: '×',
    target: '≤ 1.10',
    budget: { max: 1.1 },
  })
  await page.goto(`${lesson}?demo=async-fetch&mode=gather&delay=${delay}`, { waitUntil: 'networkidle' })
  for (const n of [20, 50]) {
    const samples: number[] = []
    for (let i = 0; i < 3; i++) samples.push((await fetchRun(demo, n)).ms)
    record({
      name: `async fetch: gather of ${n} ÷ one request`,
      value: median(samples) / one,
      unit: '×',
      // Chromium opens at most 6 HTTP/1.1 connections per server: beyond 6, requests queue.
      target: `ideal 1.0; ≈ ${Math.ceil(n / 6)} under the browser's 6 connections per server`,
    })
  }
  await page.goto(`${lesson}?demo=async-fetch&mode=sequential&delay=${delay}`, { waitUntil: 'networkidle' })
  const sequential = (await fetchRun(demo, 5)).ms
  record({ name: 'async fetch: sequential 5 ÷ one request', value: sequential / one, unit: '×', target: 'ideal 5' })
})
