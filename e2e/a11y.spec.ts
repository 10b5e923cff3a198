import AxeBuilder from '@axe-core/playwright'
import { expect, expectAccessible, routes, test } from './fixtures'

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

// Two checks Lighthouse's accessibility score counts beyond WCAG 2.1 AA: headings that never skip a
// level, and targets at least 24 px apart (WCAG 2.2's target size). Each lesson is scrolled through
// first, so that every demo and challenge near the screen has loaded its live part.
for (const route of routes) {
  test(`${route} keeps its heading levels in order and its targets large enough`, async ({ page }) => {
    await page.goto(route)
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })
    await page.waitForLoadState('networkidle')
    const { violations } = await new AxeBuilder({ page }).withRules(['heading-order', 'target-size']).analyze()
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
}
