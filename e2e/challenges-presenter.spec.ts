import type { Locator, Page } from '@playwright/test'
import { challenge, expect, expectAccessible, test } from './fixtures'

// The sample site answers some requests with 503 on purpose, and the browser logs each one.
test.use({ allowedConsoleErrors: [/status of 503 \(Service Unavailable\)/], viewport: { width: 1280, height: 720 } })

/** Presenter mode on a lesson, moved (from its end, where the challenges are) to a challenge's slide, once it is live. */
async function present(page: Page, slug: string, id: string) {
  await page.goto(`/learn/${slug}`)
  await page.getByRole('button', { name: 'Present' }).click()
  await page.keyboard.press('End')
  const root = challenge(page, id)
  for (let i = 0; i < 20 && !(await root.isVisible()); i++) await page.keyboard.press('ArrowLeft')
  await expect(root.locator('[data-lazy-demo]')).toHaveAttribute('data-lazy-demo', 'live')
  return root
}

/**
 * On screen without scrolling: the slide, its check's main button and the feedback sit between the
 * top of the window and the presenter's toolbar, and the slide holds all it shows (no overflow).
 */
async function expectOnOneScreen(page: Page, root: Locator, action: Locator) {
  const bottom = (await page.getByRole('toolbar', { name: 'Presenter mode' }).boundingBox())!.y
  expect(bottom).toBeLessThanOrEqual(720)
  for (const [what, box] of [
    ['slide', await root.boundingBox()],
    ['action', await action.boundingBox()],
    ['feedback', await root.locator('[data-verdict]').boundingBox()],
  ] as const) {
    expect(box, what).not.toBeNull()
    expect(box!.y, what).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height, what).toBeLessThanOrEqual(bottom)
  }
  expect(await root.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0)
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
}

test.describe('Challenges projected at 1280×720, in presenter mode', () => {
  test('a scheduler board: the task, the Run buttons and the verdict on one screen, played from the keyboard', async ({ page }) => {
    const root = await present(page, 'threading', 'lost-visit')
    const runT1 = root.getByRole('button', { name: 'Run T1', exact: true })
    await runT1.focus()
    for (const key of ['1', '1', '2', '2']) await page.keyboard.press(key)
    await expect(root.locator('[data-verdict]')).toHaveText(/^Not yet\. visits is 2/)
    await expectOnOneScreen(page, root, runT1)
    await expect(root.getByText('Two threads each count one visit')).toBeInViewport()
    await expectAccessible(page)
  })

  test('an asyncio editor: the editor scrolls inside itself, and Check and its verdict stay on screen', async ({ page }) => {
    test.setTimeout(180_000)
    const root = await present(page, 'asyncio', 'overlap')
    const editor = root.getByRole('textbox', { name: 'Your Python' })
    // A longer program than the slide has room for: the editor keeps its place and scrolls.
    await editor.fill(`${await editor.inputValue()}${'\n# more lines\n'.repeat(30)}`)
    const check = root.getByRole('button', { name: 'Check' })
    await check.click()
    await expect(check).toBeEnabled({ timeout: 90_000 })
    await expect(root.locator('[data-verdict]')).toHaveText('Not yet. 3.0 s, not 1.0 s: the fetches still run one after another.')
    await expect(root.getByRole('region', { name: 'What it printed' })).toBeInViewport()
    await expectOnOneScreen(page, root, check)
    expect(await editor.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await expectAccessible(page)
  })

  test('the scraper config: Run the pipeline and its verdict on one screen', async ({ page }) => {
    test.setTimeout(150_000)
    const root = await present(page, 'web-scraper', 'scrape-every-company')
    const run = root.getByRole('button', { name: 'Run the pipeline' })
    await run.click()
    await expect(root.locator('[data-verdict]')).toHaveText(/^Not yet\. Scraped 36 of 42 companies/, { timeout: 30_000 })
    await expectOnOneScreen(page, root, run)
    await expectAccessible(page)
  })

  test('place the lock: Check every schedule and its verdict on one screen, the replay under the button', async ({ page }) => {
    const root = await present(page, 'thread-safety', 'place-the-lock')
    const check = root.getByRole('button', { name: 'Check every schedule' })
    await check.click()
    await expect(root.locator('[data-verdict]')).toHaveText(/^Not yet\. With no lock, /)
    await expectOnOneScreen(page, root, check)
    await expect(root.getByRole('button', { name: /^Next step: T\d$/ })).toBeVisible()
  })
})
