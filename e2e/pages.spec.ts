import { expect, routes, test } from './fixtures'

const requiredHeaders = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
}

for (const route of routes) {
  test(`${route} is served isolated, with security headers and no console errors`, async ({ page }) => {
    const response = await page.goto(route)
    expect(response?.status()).toBe(200)
    const headers = response!.headers()
    expect(headers).toMatchObject(requiredHeaders)
    // Only what the site needs: its own files, inline styles and Next's inline payload, and wasm for Pyodide.
    const policy = Object.fromEntries(headers['content-security-policy']!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]))
    expect(policy).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self' 'unsafe-inline' 'wasm-unsafe-eval'",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'self'",
    })
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
    await expect(page.locator('h1')).toBeVisible()
  })
}

for (const route of routes.filter((r) => r.startsWith('/learn/'))) {
  test(`${route} renders its code highlighted at build time, in both themes`, async ({ page }) => {
    await page.goto(route)
    const blocks = page.locator('pre.shiki')
    expect(await blocks.count()).toBeGreaterThan(0)
    // Dual themes: every token carries its dark colour as a CSS variable.
    const token = blocks.first().locator('span[style*="--shiki-dark"]').first()
    await expect(token).toBeAttached()
    // One script, so nothing (the theme toggle hydrating, say) can reset the class in between.
    const [light, dark] = await token.evaluate((el) => {
      const light = getComputedStyle(el).color
      document.documentElement.classList.add('dark')
      return [light, getComputedStyle(el).color]
    })
    expect(dark).not.toBe(light)
  })
}

test('static assets, worker chunks and fonts carry the isolation headers too', async ({ page }) => {
  const assets: { url: string; coep?: string; corp?: string }[] = []
  page.on('response', (response) => {
    if (response.url().includes('/_next/static/')) {
      assets.push({ url: response.url(), coep: response.headers()['cross-origin-embedder-policy'], corp: response.headers()['cross-origin-resource-policy'] })
    }
  })
  await page.goto(routes.at(-1)!)
  await page.waitForLoadState('load')
  expect(assets.length).toBeGreaterThan(0)
  for (const asset of assets) expect(asset, asset.url).toMatchObject({ coep: 'require-corp', corp: 'same-origin' })
})

test.describe('an unknown page', () => {
  test.use({ allowedConsoleErrors: [/status of 404/] })

  test('gets the site 404 page, not a crash', async ({ page }) => {
    for (const path of ['/learn/no-such-lesson', '/no/such/page']) {
      const response = await page.goto(path)
      expect(response?.status()).toBe(404)
      expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp')
      await expect(page.getByRole('heading', { name: 'This page is not in the course.' })).toBeVisible()
      await expect(page.getByRole('link', { name: 'See the course map' })).toBeVisible()
    }
  })
})
