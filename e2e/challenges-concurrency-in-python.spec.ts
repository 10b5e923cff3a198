import { expect, expectAccessible, expectKeptAfterReload, liveChallenge, test } from './fixtures'

test.describe('Concurrency in Python challenges', () => {
  // Each check times real work, twice or more, on a machine that may be busy.
  test.describe.configure({ timeout: 150_000 })

  test('a prediction of twice as many workers as cores is measured here: too low is told why, about right is solved and kept', async ({ page }) => {
    await page.goto('/learn/concurrency-in-python')
    const challenge = await liveChallenge(page, 'predict-cores')
    await expect(challenge).toHaveAttribute('data-state', 'unsolved')
    const cores = Number(/reports (\d+) cores/.exec((await challenge.getByText(/This device reports \d+ cores/).textContent())!)![1])
    const prediction = challenge.getByRole('textbox', { name: /Your prediction/ })
    const run = challenge.getByRole('button', { name: 'Run and compare' })

    // All at once, as if there were a core for each: a quarter of the 2 s or more it takes.
    await prediction.fill('0.5')
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText(/this device measured [\d.]+ s, and the ideal is [\d.]+ s: the prediction is [\d.]+ times too low\. Only \d+ workers can be on a core at once/, { timeout: 30_000 })
    await expect(challenge).toHaveAttribute('data-state', 'unsolved')

    // Twice as many workers as cores (up to 16): two turns each, about 2 s.
    await prediction.fill(String(Math.min(2 * cores, 16) / Math.min(cores, 16)))
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toContainText('this device measured', { timeout: 30_000 })
    await expect(challenge).toHaveAttribute('data-state', 'solved')

    await expectKeptAfterReload(page, 'predict-cores')
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('1 of 2 challenges solved')
  })

  test('models the chooser disagrees with are named with its reason; all four right is solved and kept', async ({ page }) => {
    await page.goto('/learn/concurrency-in-python')
    const challenge = await liveChallenge(page, 'pick-models')
    const pick = (job: RegExp, model: string) => challenge.getByRole('combobox', { name: job }).selectOption(model)
    const jobs = [/5,000 links/, /16 large log files/, /10 databases/, /200 satellite images/]
    for (const job of jobs) await pick(job, 'threading')
    await challenge.getByRole('button', { name: 'Run the chooser on each' }).click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText('The chooser agrees on 1 of 4. Check 5,000 links on a website for broken ones: asyncio, not threading.')
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText('Compress 16 large log files: multiprocessing, not threading. The work is computation')
    await expectAccessible(page)

    for (const [job, model] of [[jobs[0]!, 'asyncio'], [jobs[1]!, 'multiprocessing'], [jobs[3]!, 'asyncio + processes']] as const) await pick(job, model)
    await challenge.getByRole('button', { name: 'Run the chooser on each' }).click()
    await expect(challenge.locator('[data-verdict="solved"]')).toContainText('The chooser agrees on all 4')
    await expect(challenge).toHaveAttribute('data-state', 'solved')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible(page)

    await expectKeptAfterReload(page, 'pick-models')
  })
})
