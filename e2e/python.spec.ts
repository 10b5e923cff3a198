import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findCPython, missingFor } from '../lib/python/cpython'
import { checkEnding } from '../lib/python/listing'
import { recorded } from '../lib/python/recorded'
import { checkListing, declaredRuns, expectationOf, listingFiles, listingsDir, runListing } from '../lib/python/run-listing'
import { baseURL } from '../playwright.config'
import { demo, demoLive, expect, runDemo, test } from './fixtures'

// The listings that talk to this site run here, against the production server; the others run in
// the unit tests (content/python/cpython.test.ts).
const found = findCPython()
const siteListings = listingFiles().filter((file) => expectationOf(file).site)

// The sample site answers some requests with 503 on purpose, and the browser logs each one.
test.use({ allowedConsoleErrors: [/status of 503 \(Service Unavailable\)/] })

test.describe('under real CPython, against this site', () => {
  test.skip(!found.python, found.python ? '' : found.why)
  const python = found.python!

  for (const file of siteListings) {
    test(`${file} prints what CPython ${recorded.python} printed`, async () => {
      const missing = missingFor(python, path.join(listingsDir, file))
      test.skip(missing !== null, missing ?? '')
      test.setTimeout(120_000)
      for (const { label, problems } of await checkListing(python, file, baseURL)) expect(problems, label).toEqual([])
    })
  }

  test('scraper_asyncio.py scrapes the same rows as the browser pipeline', async ({ page }) => {
    const missing = missingFor(python, path.join(listingsDir, 'scraper_asyncio.py'))
    test.skip(missing !== null, missing ?? '')
    test.setTimeout(120_000)
    const dir = await mkdtemp(path.join(tmpdir(), 'scraper-'))
    try {
      const outcome = await runListing(python, 'scraper_asyncio.py', declaredRuns('scraper_asyncio.py')[0]!, { site: baseURL, cwd: dir })
      expect(checkEnding(outcome, expectationOf('scraper_asyncio.py'))).toEqual([])
      const fromPython = (await readFile(path.join(dir, 'quotes.csv'), 'utf8')).trimEnd().split('\r\n')

      await page.goto('/learn/web-scraper')
      const result = await runDemo<{ rows: number; failed: number; retries: number }>(page, 'scraper', 60_000)
      const [download] = await Promise.all([page.waitForEvent('download'), demo(page, 'scraper').getByRole('link', { name: /^Download CSV/ }).click()])
      const fromBrowser = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n')

      expect(fromPython.length).toBeGreaterThan(1)
      expect(fromBrowser).toEqual(fromPython)
      // The same retries and failures too: the sample site fails the same requests for both.
      expect(outcome.output).toContain(`Scraped ${result.rows} companies in`)
      expect(outcome.output).toContain(`${result.retries} retries, ${result.failed} failed.`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

test.describe('CPython in the browser (Pyodide)', () => {
  test('shows its download and start while Python loads, then what it printed', async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto('/learn/asyncio')
    const python = demo(page, 'python')
    await expect(python.getByRole('textbox', { name: /Python code/ })).toHaveValue(/async def fetch_data\(\):/)
    // The observer below watches the live demo: its elements replace the server's when it comes alive.
    await demoLive(page, 'python')
    // Every label the progress bar shows, as it is drawn: the load may take well under a second.
    await python.evaluate((root) => {
      const shown: string[] = []
      ;(window as unknown as { progressShown: string[] }).progressShown = shown
      new MutationObserver(() => {
        const bar = root.querySelector('progress')
        const label = bar?.labels?.[0]?.textContent
        if (label && shown.at(-1) !== label) shown.push(label)
      }).observe(root, { childList: true, subtree: true, characterData: true })
    })
    await python.getByRole('button', { name: /^Run/ }).click()
    await expect(python).toHaveAttribute('data-state', 'done', { timeout: 90_000 })
    const shown = await page.evaluate(() => (window as unknown as { progressShown: string[] }).progressShown)
    expect(shown[0]).toMatch(/^Downloading Python: \d+\.\d of \d+\.\d MB$/)
    for (const label of shown) expect(label).toMatch(/^Downloading Python: \d+\.\d of \d+\.\d MB$|^Starting the interpreter…$/)
    await expect(python.getByRole('progressbar')).toHaveCount(0)
    await expect(python.getByRole('log')).toContainText("[{'data': 'sample'}, {'data': 'sample'}, {'data': 'sample'}]")
    await expect(python.getByText(/Python 3\.\d+\.\d+ \(Pyodide/)).toBeVisible()
  })
})

test.describe('CPython in the browser on a later visit', () => {
  test('starts as the demo comes into view, ready before Run', async ({ page, context }) => {
    test.setTimeout(180_000)
    await page.goto('/learn/asyncio?demo=python&run=1')
    await expect(demo(page, 'python')).toHaveAttribute('data-state', 'done', { timeout: 90_000 })
    await page.close()

    const later = await context.newPage()
    await later.goto('/learn/asyncio')
    const python = demo(later, 'python')
    await python.getByRole('heading', { name: 'Run the real Python' }).scrollIntoViewIfNeeded()
    // Nothing clicked or hovered: Python starts because this browser ran it before.
    await expect(python.getByText(/Python 3\.\d+\.\d+ \(Pyodide/)).toBeVisible({ timeout: 90_000 })
    await expect(python).toHaveAttribute('data-state', 'idle')
    await python.getByRole('button', { name: /^Run/ }).click()
    await expect(python).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    expect(JSON.parse((await python.getAttribute('data-result'))!)).toMatchObject({ loadMs: 0, stdout: expect.stringMatching(/^gathering three fetches/) })
  })
})
