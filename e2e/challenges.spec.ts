import { challenge, expect, expectAccessible, test } from './fixtures'

test.describe('Write the YAML', () => {
  test('a wrong document gets what it loads to and where it differs; a right one is solved, saved and kept', async ({ page }) => {
    await page.goto('/learn/yaml')
    const norway = challenge(page, 'norway')
    await expect(norway).toHaveAttribute('data-state', 'unsolved')
    const editor = norway.getByRole('textbox', { name: 'Your YAML' })
    // The solution waits for a first try; hints come one at a time.
    await expect(norway.getByRole('button', { name: 'Show the solution' })).toBeDisabled()
    await norway.getByRole('button', { name: 'Show a hint (1 of 2)' }).click()
    await expect(norway.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1)
    await expect(norway.getByRole('button', { name: 'Show a hint (2 of 2)' })).toBeVisible()

    await norway.getByRole('button', { name: 'Check' }).click()
    await expect(norway.locator('[data-verdict="unsolved"]')).toHaveText(
      "Not yet. It loads to {'country': False, 'version': 3.1, 'port': '08443', 'enabled': True}. At ['country']: expected 'NO' (str), got False (bool).",
    )
    await expect(norway).toHaveAttribute('data-state', 'unsolved')
    await expect(norway.getByRole('button', { name: 'Show the solution' })).toBeEnabled()

    await editor.fill("country: 'NO'\nversion: '3.10'\nport: 8443\nenabled: true\n")
    await expect(norway.getByText(/^safe_load returns/)).toContainText("{'country': 'NO', 'version': '3.10', 'port': 8443, 'enabled': True}")
    await norway.getByRole('button', { name: 'Check' }).click()
    await expect(norway.locator('[data-verdict="solved"]')).toBeVisible()
    await expect(norway).toHaveAttribute('data-state', 'solved')
    await expectAccessible(page)

    await page.reload()
    await expect(challenge(page, 'norway')).toHaveAttribute('data-state', 'solved')
    await expect(challenge(page, 'norway').getByText(/^✓ Solved$/)).toBeVisible()
    await expect(challenge(page, 'on-key')).toHaveAttribute('data-state', 'unsolved')
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('1 of 2 challenges solved')
  })

  test('a document that does not load says where', async ({ page }) => {
    await page.goto('/learn/yaml')
    const onKey = challenge(page, 'on-key')
    await onKey.getByRole('textbox', { name: 'Your YAML' }).fill("'on: push\n")
    await onKey.getByRole('button', { name: 'Check' }).click()
    await expect(onKey.locator('[data-verdict="unsolved"]')).toContainText('It does not load: line 2, column 1')
    await onKey.getByRole('button', { name: 'Show the solution' }).click()
    await expect(onKey.getByRole('region', { name: 'Solution' })).toContainText("'on': push")
  })
})
