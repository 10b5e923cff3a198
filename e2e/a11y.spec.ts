import { expectAccessible, routes, test } from './fixtures'

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    for (const route of routes) {
      test(`${route} has no axe violations`, async ({ page }) => {
        await page.goto(route)
        await page.locator('html').evaluate((html, dark) => {
          if (html.classList.contains('dark') !== dark) throw new Error('theme did not follow the system')
        }, scheme === 'dark')
        await expectAccessible(page)
      })
    }
  })
}
