import { readFile } from 'node:fs/promises'
import { companies, quoteFor } from '../lib/sample-site/companies'
import { defaultConfigYaml } from '../lib/scraper/config'
import { demo, expect, expectAccessible, runDemo, test } from './fixtures'

const lesson = '/learn/web-scraper'
type ScraperResult = { rows: number; failed: number; retries: number; ms: number }

// The sample site answers some requests with 503 on purpose, and the browser logs each one.
test.use({ allowedConsoleErrors: [/status of 503 \(Service Unavailable\)/] })

const configField = (page: import('@playwright/test').Page) => demo(page, 'scraper').getByRole('textbox', { name: 'Pipeline config (YAML)' })
const edited = (...edits: [string, string][]) =>
  edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the default config has no ${from}`)
    return text.replace(from, to)
  }, defaultConfigYaml)

test('the default run scrapes every listed company, retrying the 503s', async ({ page }) => {
  // axe reads a long page here (tables, a timeline, highlighted code): slow on a busy machine.
  test.slow()
  await page.goto(lesson)
  const scraper = demo(page, 'scraper')
  await expect(scraper.getByText('Matches the schema: 2 queues, 6 worker tasks.')).toBeVisible()
  const result = await runDemo<ScraperResult>(page, 'scraper', 60_000)
  expect(result).toEqual({ rows: companies.length, failed: 0, retries: 6, ms: expect.any(Number) })
  const summary = scraper.getByRole('status')
  await expect(summary).toHaveText(new RegExp(`^Scraped ${companies.length} of ${companies.length} companies in \\d+\\.\\d s, with 6 retries and no failures\\.$`))
  // The line gives the run's time to a tenth of a second, data-result to a whole millisecond, each
  // rounded from the same measurement: 3,650.4 ms reads "3.7 s" beside ms 3650. So the two agree to 50.5 ms.
  const shown = Number(/in (\d+\.\d) s/.exec((await summary.textContent()) ?? '')?.[1])
  expect(Math.abs(shown * 1000 - result.ms)).toBeLessThanOrEqual(50.5)
  const table = scraper.getByRole('region', { name: 'Scraped rows (scrolls)' }).getByRole('table')
  await expect(table.getByRole('row')).toHaveCount(companies.length + 1)
  await expect(table.getByRole('row', { name: /Granite Holdings, Inc\./ })).toContainText(quoteFor('GRNT')!.price.toLocaleString('en-US', { minimumFractionDigits: 2 }))
  await expect(scraper.getByRole('figure', { name: /Requests over time/ })).toBeVisible()
  await expect(scraper.getByRole('progressbar')).toHaveAttribute('value', String(companies.length))
  await expectAccessible(page)
})

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' })

  test('a finished run, with its failures, tables and timeline, passes axe', async ({ page }) => {
    test.slow()
    await page.goto(lesson)
    await configField(page).fill(edited(['retries: 3\n    backoff_ms', 'retries: 0\n    backoff_ms']))
    await runDemo(page, 'scraper', 60_000)
    await expect(demo(page, 'scraper').getByRole('region', { name: 'Failures' })).toBeVisible()
    await expectAccessible(page)
  })
})

test('the CSV download has the header and every row, with the prices on the quote pages', async ({ page }) => {
  await page.goto(lesson)
  await runDemo(page, 'scraper', 60_000)
  const [download] = await Promise.all([page.waitForEvent('download'), demo(page, 'scraper').getByRole('link', { name: `Download CSV (${companies.length} rows)` }).click()])
  expect(download.suggestedFilename()).toBe('quotes.csv')
  const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n')
  expect(lines[0]).toBe('symbol,name,sector,price,change')
  expect(lines).toHaveLength(companies.length + 1)
  const expected = [...companies]
    .sort((a, b) => a.symbol.localeCompare(b.symbol))
    .map((c) => {
      const q = quoteFor(c.symbol)!
      const name = /[",]/.test(c.name) ? `"${c.name.replaceAll('"', '""')}"` : c.name
      return `${c.symbol},${name},${c.sector},${q.price},${q.change}`
    })
  expect(lines.slice(1)).toEqual(expected)
})

test('a bad config is rejected with its line', async ({ page }) => {
  await page.goto(lesson)
  const scraper = demo(page, 'scraper')
  await configField(page).fill(edited(['instances: 4', 'instanes: 4']))
  const problems = scraper.getByRole('list', { name: 'Config problems' })
  await expect(problems).toContainText('Line 19: workers[1].instanes: unknown key instanes (did you mean instances?)')
  await expect(configField(page)).toHaveAttribute('aria-invalid', 'true')
  await scraper.getByRole('button', { name: /^Run/ }).click()
  await expect(scraper).toHaveAttribute('data-state', 'error')
  await expect(scraper.getByRole('alert')).toContainText('line 19: workers[1].instanes: unknown key instanes')

  await problems.getByRole('button', { name: 'Go to line 19' }).first().click()
  await expect(configField(page)).toBeFocused()

  await configField(page).fill(edited(['output_queues: [rows]', 'output_queues: [rows']))
  await expect(problems).toContainText(/Line 2[2-4]: Flow sequence/)

  await scraper.getByRole('button', { name: 'Reset the config' }).click()
  await expect(scraper.getByText('Matches the schema')).toBeVisible()
})

test('without retries, the pages that answer 503 are lost and listed', async ({ page }) => {
  await page.goto(lesson)
  const scraper = demo(page, 'scraper')
  await configField(page).fill(edited(['retries: 3\n    backoff_ms', 'retries: 0\n    backoff_ms']))
  const result = await runDemo<ScraperResult>(page, 'scraper', 60_000)
  expect(result).toMatchObject({ rows: companies.length - 6, failed: 6, retries: 0 })
  const failures = scraper.getByRole('region', { name: 'Failures' })
  await expect(failures.getByRole('listitem')).toHaveCount(6)
  await expect(failures).toContainText('HTTP 503 after 1 attempt')
})

test('Stop cancels the requests in flight', async ({ page }) => {
  const requests = { sent: 0, finished: 0, aborted: [] as string[] }
  page.on('request', (request) => {
    if (request.url().includes('/sample/')) requests.sent++
  })
  page.on('requestfinished', (request) => {
    if (request.url().includes('/sample/')) requests.finished++
  })
  page.on('requestfailed', (request) => {
    if (request.url().includes('/sample/')) requests.aborted.push(`${request.url()} ${request.failure()?.errorText}`)
  })
  await page.goto(lesson)
  const scraper = demo(page, 'scraper')
  await configField(page).fill(edited(['latency=250', 'latency=3000']))
  await scraper.getByRole('button', { name: /^Run/ }).click()
  await expect(scraper).toHaveAttribute('data-state', 'running')
  await expect(scraper.getByRole('region', { name: 'Workers' })).toContainText('fetching /sample/companies')
  await expect(scraper.getByText(/of 42 companies/)).toBeVisible({ timeout: 15_000 })
  // The index, then four quote pages, each taking 1.5 s or more.
  await expect.poll(() => requests.sent).toBeGreaterThanOrEqual(5)
  await scraper.getByRole('button', { name: 'Stop' }).click()
  await expect(scraper).toHaveAttribute('data-state', 'idle')
  await expect(scraper.getByRole('status')).toHaveText('Stopped.')
  // Every request has ended, and those still in flight at Stop ended aborted, not answered.
  await expect.poll(() => requests.finished + requests.aborted.length).toBe(requests.sent)
  expect(requests.aborted.length).toBeGreaterThanOrEqual(1)
  expect(requests.aborted.length).toBeLessThanOrEqual(4)
  for (const failure of requests.aborted) expect(failure).toMatch(/\/sample\/quote\/[A-Z]+\?.* net::ERR_ABORTED$/)
  const sent = requests.sent
  await page.waitForTimeout(500)
  expect(requests.sent).toBe(sent)
})

test('the sample site serves an HTML table, quote pages, and 400 JSON for a bad query', async ({ page, request }) => {
  await page.goto('/sample/companies')
  await expect(page.getByRole('heading', { name: 'Listed companies' })).toBeVisible()
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(companies.length + 1)
  await page.getByRole('link', { name: 'ACME', exact: true }).click()
  await expect(page.getByRole('heading', { name: /Acme Rocket Works/ })).toBeVisible()
  await expect(page.getByRole('definition').first()).toHaveText(quoteFor('ACME')!.price.toLocaleString('en-US', { minimumFractionDigits: 2 }))

  for (const path of ['/sample/companies?latency=soon', '/sample/companies?latncy=5', '/sample/quote/acme', '/sample/quote/ACME?failures=0.9']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(400)
    expect(await response.json(), path).toEqual({ error: expect.stringMatching(/^Bad (query|symbol): /) })
  }
  expect((await request.get('/sample/quote/NOPE')).status()).toBe(404)
})

test('the predict-the-output question shows what a missing sentinel does', async ({ page }) => {
  await page.goto(lesson)
  const question = page.locator('[data-check="missing-sentinel"]')
  await question.getByRole('radio', { name: '[0, 10, 20] 0' }).check()
  await question.getByRole('button', { name: 'Check answer' }).click()
  await expect(question.getByText('Not quite.')).toBeVisible()
  await question.getByRole('button', { name: 'Show the answer' }).click()
  await expect(question).toContainText('Two readers need two sentinels.')
})
