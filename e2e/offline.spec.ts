import type { BrowserContext, Page } from '@playwright/test'
import { demo, demoLive, expect, expectAccessible, routes, runDemo, test } from './fixtures'

// The one spec that lets the site's service worker run: the others block it, since page.route()
// does not see the requests a service worker makes (playwright.config.ts).
test.use({ serviceWorkers: 'allow' })

/** One visit: the service worker installs, precaching the course, and takes control of the page. */
async function visitOnce(page: Page) {
  await page.goto('/')
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
}

async function goOffline(page: Page, context: BrowserContext) {
  await context.setOffline(true)
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline')
}

test.describe('offline after one visit', () => {
  test('every lesson loads from the cache, cross-origin isolated, and all its demos come alive', async ({ page, context }) => {
    test.setTimeout(120_000)
    await visitOnce(page)
    await goOffline(page, context)
    for (const route of routes) {
      const response = await page.goto(route)
      expect(response?.fromServiceWorker(), route).toBe(true)
      expect(response?.status(), route).toBe(200)
      expect(await page.evaluate(() => crossOriginIsolated), route).toBe(true)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline')
      // Each demo's code, loaded as it comes into view, is served from the cache too.
      for (const id of await page.locator('[data-demo]').evaluateAll((roots) => roots.map((root) => root.getAttribute('data-demo')!))) {
        await demoLive(page, id)
      }
    }
    // A lesson reached through a link: the router's request for it fails, and the page loads whole from the cache.
    await page.goto(routes[1]!)
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Threading/ }).click()
    await expect(page).toHaveURL(/\/learn\/threading$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Threading' })).toBeVisible()
    // Search, with its index from the cache, and a hit followed to its section.
    await page.keyboard.press('/')
    const dialog = page.getByRole('dialog', { name: 'Search lessons' })
    await page.keyboard.type('pickled')
    await expect(dialog.getByRole('status')).toHaveText(/^\d+ results?$/)
    const hit = dialog.getByRole('link').filter({ hasText: 'Multiprocessing' }).first()
    const href = (await hit.getAttribute('href'))!
    await hit.click()
    await expect(page).toHaveURL(href)
    await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeInViewport()
  })

  test('worker demos run: the lost-update counter shares memory between workers, the pool finds every prime', async ({ page, context }) => {
    await visitOnce(page)
    await goOffline(page, context)
    // A preset link, query string and all, is served the cached page.
    await page.goto('/learn/thread-safety?demo=counter&mode=atomic&workers=4&increments=100000')
    expect(await runDemo(page, 'counter')).toMatchObject({ expected: 400_000, actual: 400_000 })
    await page.goto('/learn/multiprocessing?demo=pool-speedup&workers=2')
    expect(await runDemo(page, 'pool-speedup', 90_000)).toMatchObject({ workers: 2, total: 438_410 })
  })

  test('Python runs offline once it has run online', async ({ page, context }) => {
    // The first load downloads Python (~10 MB) and starts it: slow on two busy cores.
    test.setTimeout(300_000)
    await visitOnce(page)
    await page.goto('/learn/asyncio')
    const first = await runDemo<{ stdout: string }>(page, 'python', 240_000)
    // Kept by the service worker as it loaded, under its version: the interpreter, the standard library, the snapshot.
    const kept = await page.evaluate(async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('pyodide-'))
      return name ? (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname.split('/').pop()) : []
    })
    expect(kept).toEqual(expect.arrayContaining(['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'snapshot.bin.gz']))
    await goOffline(page, context)
    await page.reload()
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
    const offline = await runDemo<{ stdout: string }>(page, 'python', 120_000)
    expect(offline.stdout).toMatch(/^gathering three fetches\.\.\.\n\[\{'data': 'sample'\}, \{'data': 'sample'\}, \{'data': 'sample'\}\]\ntook 1\.\d s$/)
    expect(offline.stdout.split('\n').slice(0, 2)).toEqual(first.stdout.split('\n').slice(0, 2))
  })

  test('demos that call the server say they need the network, and run nothing', async ({ page, context }) => {
    await visitOnce(page)
    await goOffline(page, context)
    const requests: string[] = []
    page.on('request', (request) => {
      if (/\/(api|sample)\//.test(new URL(request.url()).pathname)) requests.push(request.url())
    })
    // Arriving by a link that runs it: one plain message, no failed request.
    await page.goto('/learn/asyncio-io-and-aiohttp?demo=async-fetch&requests=5&run=1')
    const asyncFetch = demo(page, 'async-fetch')
    await expect(asyncFetch).toHaveAttribute('data-state', 'error')
    await expect(asyncFetch.getByRole('alert')).toHaveText('Not run: you are offline, and this demo needs the network.')
    await expect(asyncFetch.getByRole('note')).toHaveText(/needs the network/)

    await page.goto('/learn/web-scraper')
    await demoLive(page, 'scraper')
    const scraper = demo(page, 'scraper')
    await expect(scraper.getByRole('note')).toHaveText(/needs the network/)
    await scraper.getByRole('button', { name: /^Run/ }).click()
    await expect(scraper).toHaveAttribute('data-state', 'error')
    await expect(scraper.getByRole('alert')).toHaveText('Not run: you are offline, and this demo needs the network.')
    expect(requests).toEqual([])

    // Back online, the note goes and the demo runs.
    await context.setOffline(false)
    await expect(scraper.getByRole('note')).toHaveCount(0)
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('')
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`the offline badge and the network note are accessible in the ${scheme} theme`, async ({ page, context }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await visitOnce(page)
      await goOffline(page, context)
      await page.goto('/learn/asyncio-io-and-aiohttp')
      await demoLive(page, 'async-fetch')
      await expect(demo(page, 'async-fetch').getByRole('note')).toBeVisible()
      await expectAccessible(page)
    })
  }
})
