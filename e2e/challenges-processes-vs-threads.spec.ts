import { expect, expectAccessible, expectKeptAfterReload, liveChallenge, test } from './fixtures'

test.describe('Processes vs threads challenges', () => {
  // Each check times real work, twice or more, on a machine that may be busy.
  test.describe.configure({ timeout: 150_000 })

  test('CPU-bound threads under one GIL: ×4 is told they take turns, ×1 is solved and kept', async ({ page }) => {
    await page.goto('/learn/processes-vs-threads')
    const challenge = await liveChallenge(page, 'predict-gil-cpu')
    const prediction = challenge.getByRole('textbox', { name: /Your prediction/ })
    const run = challenge.getByRole('button', { name: 'Run and compare' })

    await prediction.fill('4')
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText(/this device measured ×[\d.]+, and the ideal is ×1\.0: the prediction is [\d.]+ times too high\. The threads of one CPython process share one GIL/, { timeout: 45_000 })

    await prediction.fill('1')
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toContainText('The 4 threads share one GIL', { timeout: 45_000 })
    await expect(challenge).toHaveAttribute('data-state', 'solved')

    await expectKeptAfterReload(page, 'predict-gil-cpu')
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('1 of 2 challenges solved')
  })

  test('I/O-bound threads under one GIL: ×1 is told the waits overlap, ×4 is solved and kept', async ({ page }) => {
    await page.goto('/learn/processes-vs-threads')
    const challenge = await liveChallenge(page, 'predict-gil-io')
    const prediction = challenge.getByRole('textbox', { name: /Your prediction/ })
    const run = challenge.getByRole('button', { name: 'Run and compare' })

    await prediction.fill('1')
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText(/times too low\. The GIL does not hold up waiting/, { timeout: 45_000 })
    await expectAccessible(page)

    await prediction.fill('4')
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toContainText('A thread releases the GIL while it waits on I/O', { timeout: 45_000 })
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible(page)

    await expectKeptAfterReload(page, 'predict-gil-io')
  })
})
