import { expect, routes, test } from './fixtures'

// The scraper's default run asks the sample site for some 503s, and the browser logs each one.
// Whether one comes back before the walk presses Stop depends on the machine's speed.
test.use({ allowedConsoleErrors: [/status of 503 \(Service Unavailable\) \[https?:\/\/[^/]+\/sample\//] })

test('every demo is reached and run from the keyboard, with a visible focus ring', async ({ page }) => {
  for (const route of routes.filter((r) => r.startsWith('/learn/'))) {
    await page.goto(route)
    for (const root of await page.locator('[data-demo]').all()) {
      const run = root.getByRole('button', { name: /^Run/ })
      // Run is disabled until the page hydrates, and a disabled button cannot take focus.
      await expect(run).toBeEnabled()
      await run.focus()
      await expect(run).toBeFocused()
      // The focus ring is the outline the site draws on :focus-visible.
      await page.keyboard.press('Shift+Tab')
      await page.keyboard.press('Tab')
      const id = `${route} ${await root.getAttribute('data-demo')}`
      expect(await run.evaluate((el) => getComputedStyle(el).outlineStyle), id).toBe('solid')
      // Enter runs it; a run still going is stopped with Space on Stop.
      await page.keyboard.press('Enter')
      await expect(root, id).toHaveAttribute('data-state', /^(running|done)$/)
      const stop = root.getByRole('button', { name: 'Stop' })
      if (await stop.isEnabled()) {
        await stop.focus()
        await page.keyboard.press('Space')
      }
      await expect(root, id).toHaveAttribute('data-state', /^(idle|done)$/)
    }
  }
})

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' })

  test('transitions are switched off', async ({ page }) => {
    await page.goto('/')
    const duration = await page.getByRole('link', { name: /Start with lesson 1/ }).evaluate((el) => getComputedStyle(el).transitionDuration)
    expect(duration.split(',').every((d) => parseFloat(d) < 0.001)).toBe(true)
  })
})
