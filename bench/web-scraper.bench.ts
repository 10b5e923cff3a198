import { expect, test } from '@playwright/test'
import { companies } from '../lib/sample-site/companies'
import { defaultConfigYaml } from '../lib/scraper/config'
import { median, record } from './record'

type ScraperResult = { rows: number; failed: number; retries: number; ms: number }

const latency = 200
const limit = 4

/** The default pipeline with fixed 200 ms pages, no failures, and `instances` quote workers under a limit. */
const config = (instances: number, concurrency: number) =>
  defaultConfigYaml
    .replace('latency=250&failures=0.1', `latency=${latency}&jitter=0&failures=0`)
    .replace('instances: 4', `instances: ${instances}`)
    .replace('concurrency: 4', `concurrency: ${concurrency}`)

test('scraper pipeline: throughput against quote-worker instances', async ({ page }) => {
  const demo = page.locator('[data-demo="scraper"]')
  const run = async (instances: number, concurrency: number) => {
    const samples: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto(`/learn/web-scraper?${new URLSearchParams({ demo: 'scraper', config: config(instances, concurrency), run: '1' })}`)
      await expect(demo).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
      const result = JSON.parse((await demo.getAttribute('data-result'))!) as ScraperResult
      expect(result.rows).toBe(companies.length)
      samples.push(result.rows / (result.ms / 1000))
    }
    return median(samples)
  }
  // The list page, then the quote pages in rounds of as many as may be in flight.
  const ideal = (inFlight: number) => companies.length / (((1 + Math.ceil(companies.length / inFlight)) * latency) / 1000)

  const base = await run(1, limit)
  for (const instances of [1, 2, 4, 8]) {
    const throughput = instances === 1 ? base : await run(instances, limit)
    const inFlight = Math.min(instances, limit)
    record({
      name: `scraper: ${instances} quote worker(s), limit ${limit}, ${latency} ms pages`,
      value: throughput,
      unit: 'rows/s',
      target: `ideal ${ideal(inFlight).toFixed(1)}`,
    })
    record({
      name: `scraper: ${instances} quote worker(s) vs 1, limit ${limit}`,
      value: throughput / base,
      unit: '×',
      target: `ideal ${(ideal(inFlight) / ideal(1)).toFixed(2)}`,
    })
  }
  // Lifting the limit shows it was the cap, not the workers.
  record({ name: `scraper: 8 quote workers, limit 8, ${latency} ms pages`, value: await run(8, 8), unit: 'rows/s', target: `ideal ${ideal(8).toFixed(1)}` })
})
