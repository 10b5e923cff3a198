import type { Page } from '@playwright/test'
import { expect, expectAccessible, expectKeptAfterReload, liveChallenge, test } from './fixtures'

const coresOf = async (root: ReturnType<Page['locator']>) => Number(/reports (\d+) cores/.exec((await root.getByText(/This device reports \d+ cores/).textContent())!)![1])

test.describe('Multiprocessing challenges', () => {
  // Each check times real work, twice or more, on a machine that may be busy.
  test.describe.configure({ timeout: 150_000 })

  test('a predicted speedup is timed against 1 worker here: far too high is told the ceiling, the cores is solved and kept', async ({ page }) => {
    await page.goto('/learn/multiprocessing')
    const challenge = await liveChallenge(page, 'predict-speedup')
    const cores = await coresOf(challenge)
    const prediction = challenge.getByRole('textbox', { name: /Your prediction/ })
    const run = challenge.getByRole('button', { name: 'Run and compare' })

    await prediction.fill(String(8 * cores))
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText(/measured ×[\d.]+, and the ideal is ×[\d.]+: the prediction is [\d.]+ times too high\. A CPU-bound job cannot go faster than the cores allow/, { timeout: 45_000 })

    await prediction.fill(String(cores))
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toContainText(`×${cores} here`, { timeout: 45_000 })
    await expect(challenge).toHaveAttribute('data-state', 'solved')

    await expectKeptAfterReload(page, 'predict-speedup')
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('1 of 2 challenges solved')
  })

  test('one chunk for the whole job falls short and says why; a worker per core with small chunks beats the target and is kept', async ({ page }) => {
    await page.goto('/learn/multiprocessing')
    const challenge = await liveChallenge(page, 'beat-target')
    const cores = await coresOf(challenge)
    const run = challenge.getByRole('button', { name: 'Run and check' })

    // As it starts: 2 workers, chunksize 32, so one chunk.
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText('chunksize 32 cuts the 32 blocks into 1 chunk, so only 1 worker ever gets any work; the others wait.', { timeout: 45_000 })
    await expect(challenge.getByText(/Target: ×[\d.]+ the speed of 1 worker, under \d+ ms/)).toBeVisible()
    await expectAccessible(page)

    await challenge.getByRole('textbox', { name: /^Workers/ }).fill(String(cores))
    await challenge.getByRole('textbox', { name: /^chunksize/ }).fill('1')
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toContainText(`with ${cores} worker`, { timeout: 45_000 })
    await expect(challenge).toHaveAttribute('data-state', 'solved')

    await expectKeptAfterReload(page, 'beat-target')
  })
})
