import type { Page } from '@playwright/test'
import { expect, expectAccessible, expectKeptAfterReload, liveChallenge, test } from './fixtures'

// The sample site answers some requests with 503 on purpose, and the browser logs each one.
test.use({ allowedConsoleErrors: [/status of 503 \(Service Unavailable\)/] })

/** Edits the challenge's YAML: each `from` must be there. */
async function edit(root: ReturnType<Page['locator']>, edits: [string, string][]) {
  const editor = root.getByRole('textbox', { name: 'Pipeline config (YAML)' })
  let yaml = await editor.inputValue()
  for (const [from, to] of edits) {
    expect(yaml).toContain(from)
    yaml = yaml.replace(from, to)
  }
  await editor.fill(yaml)
}

test.describe('Web scraper challenges', () => {
  // Each check times real work, twice or more, on a machine that may be busy.
  test.describe.configure({ timeout: 150_000 })

  test('without retries the 503s are lost and named; with retries every company is scraped, solved and kept', async ({ page }) => {
    await page.goto('/learn/web-scraper')
    const challenge = await liveChallenge(page, 'scrape-every-company')
    const run = challenge.getByRole('button', { name: 'Run the pipeline' })

    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toHaveText(
      /^Not yet\. Scraped 36 of 42 companies in [^;]+ with 0 retries; 6 failed\. BRKN, GLMR, GRNT, KILN, QRTZ, UMBR failed after 1 attempt \(HTTP 503\): a 503 is worth retrying/,
      { timeout: 20_000 },
    )

    // Moving the site's failures away is refused before anything runs.
    await edit(challenge, [['failures=0.1', 'failures=0']])
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText('The pipeline must start from /sample/companies?latency=250&failures=0.1 and nothing else')
    await edit(challenge, [['failures=0', 'failures=0.1'], ['retries: 0', 'retries: 2']])
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toHaveText(/^Solved\. Scraped 42 of 42 companies in .+ with 6 retries, within the 8\.0 s budget, and none lost\.$/, { timeout: 20_000 })
    await expect(challenge).toHaveAttribute('data-state', 'solved')
    await expectAccessible(page)

    await expectKeptAfterReload(page, 'scrape-every-company')
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('1 of 2 challenges solved')
  })

  test('two at a time is stopped at the budget and told its pace; more at once, with time for slow pages, is solved and kept', async ({ page }) => {
    await page.goto('/learn/web-scraper')
    const challenge = await liveChallenge(page, 'scrape-budget')
    const run = challenge.getByRole('button', { name: 'Run the pipeline' })

    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText('far over the 4.0 s budget', { timeout: 30_000 })
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText('With 2 quote requests in flight at once, 42 pages of about 250 ms each take about 5.3 s on their own: run more at once.')

    await edit(challenge, [['instances: 2', 'instances: 6'], ['timeout_ms: 300', 'timeout_ms: 1000']])
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toContainText('Scraped 42 of 42 companies', { timeout: 20_000 })
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible(page)

    await expectKeptAfterReload(page, 'scrape-budget')
  })
})
