import { expect, test } from '@playwright/test'
import { record, settled } from './record'

type CoresResult = { workers: number; cores: number; ms: number; parallelism: number }

test('cores demo: workers that really run at once', async ({ page }) => {
  await page.goto('/learn/concurrency-in-python')
  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  const demo = page.locator('[data-demo="cores"]')
  for (const workers of [1, cores, 2 * cores]) {
    await page.goto(`/learn/concurrency-in-python?demo=cores&workers=${workers}&seconds=1&run=1`)
    expect(await settled(demo)).toBe('done')
    const result = JSON.parse((await demo.getAttribute('data-result'))!) as CoresResult
    record({
      name: `cores demo: ${workers} worker(s) × 1 s of work, effective parallelism`,
      value: result.parallelism,
      unit: '×',
      target: `ideal ${Math.min(workers, cores)}`,
    })
  }
})
