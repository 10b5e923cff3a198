import type { Page } from '@playwright/test'
import { demo, expect, routes, slowScripts, test } from './fixtures'

/** The wrapper `lazyDemo` puts around a demo: `data-lazy-demo` is `waiting` until the demo's code has run. */
const loading = (page: Page, id: string) => page.locator('[data-lazy-demo]', { has: demo(page, id) })

/** The scripts the page has fetched so far. */
function scriptsFetched(page: Page) {
  const urls = new Set<string>()
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.add(request.url())
  })
  return urls
}

test('a demo far below the fold loads its code only when scrolled near, then runs', async ({ page }) => {
  const scripts = scriptsFetched(page)
  await page.goto('/learn/thread-safety', { waitUntil: 'networkidle' })
  const deadlock = demo(page, 'deadlock')
  // Its shell is there, and in place, before its code is.
  await expect(deadlock.getByRole('button', { name: /^Run/ })).toBeEnabled()
  await expect(loading(page, 'deadlock')).toHaveAttribute('data-lazy-demo', 'waiting')
  const before = new Set(scripts)
  const top = await deadlock.evaluate((el) => el.getBoundingClientRect().top + scrollY)

  // The wrapper stays; the demo's elements are replaced when it comes alive, perhaps mid-scroll.
  await loading(page, 'deadlock').scrollIntoViewIfNeeded()
  await expect(loading(page, 'deadlock')).toHaveAttribute('data-lazy-demo', 'live')
  expect([...scripts].filter((url) => !before.has(url)).length, 'scripts fetched on scrolling to the demo').toBeGreaterThan(0)
  // The live demo took the place of its server HTML exactly.
  expect(await deadlock.evaluate((el) => el.getBoundingClientRect().top + scrollY)).toBe(top)

  await deadlock.getByRole('button', { name: /^Run/ }).click()
  await expect(deadlock).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
  expect(JSON.parse((await deadlock.getAttribute('data-result'))!)).toMatchObject({ order: 'opposite', deadlock: true })
})

test('Tab to the Run of a demo whose code has not arrived, press Enter: it runs, with what was typed', async ({ page }) => {
  await page.goto('/learn/threading', { waitUntil: 'networkidle' })
  const release = await slowScripts(page)
  const threads = demo(page, 'threads')
  await expect(loading(page, 'threads')).toHaveAttribute('data-lazy-demo', 'waiting')

  // From the paragraph before the demo, the keyboard's way in.
  await page.getByText('When whole lines matter').click()
  const run = threads.getByRole('button', { name: /^Run/ })
  const seconds = threads.getByRole('textbox', { name: /^Each sleeps/ })
  for (let presses = 0; presses < 20 && !(await seconds.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab')
  }
  await expect(seconds).toBeFocused()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('0.3')
  for (let presses = 0; presses < 20 && !(await run.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab')
  }
  await expect(run).toBeFocused()
  await page.keyboard.press('Enter')
  // Still waiting for its code: nothing has run, and nothing reloaded the page.
  await expect(loading(page, 'threads')).toHaveAttribute('data-lazy-demo', 'waiting')
  await expect(threads).toHaveAttribute('data-state', 'idle')

  release()
  await expect(threads).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
  await expect(seconds).toHaveValue('0.3')
  const result = JSON.parse((await threads.getAttribute('data-result'))!) as { threads: number; ms: number }
  expect(result.ms).toBeGreaterThanOrEqual(250)
  expect(result.ms).toBeLessThan(2_000)
})

test('a field selected as the demo comes alive stays selected: the next keys replace its text', async ({ page }) => {
  await page.goto('/learn/threading', { waitUntil: 'networkidle' })
  const release = await slowScripts(page)
  const threads = demo(page, 'threads')
  const seconds = threads.getByRole('textbox', { name: /^Each sleeps/ })
  const before = await seconds.inputValue()
  await seconds.focus()
  await page.keyboard.press('ControlOrMeta+A')
  await expect(loading(page, 'threads')).toHaveAttribute('data-lazy-demo', 'waiting')

  release()
  await expect(loading(page, 'threads')).toHaveAttribute('data-lazy-demo', 'live')
  await expect(seconds).toBeFocused()
  await page.keyboard.type('0.4')
  await expect(seconds).toHaveValue('0.4')
  expect(before).not.toBe('0.4')
})

test('a preset link to a demo far below the fold loads it at once and runs it on arrival', async ({ page }) => {
  await page.goto('/learn/thread-safety?demo=deadlock&order=global&timeout=2&run=1')
  const deadlock = demo(page, 'deadlock')
  await expect(deadlock).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
  expect(JSON.parse((await deadlock.getAttribute('data-result'))!)).toMatchObject({ order: 'global', deadlock: false })
  // Only the demo named: the others wait for the learner.
  await expect(loading(page, 'counter')).toHaveAttribute('data-lazy-demo', 'waiting')
})

test.describe('every demo is in the page as served, before any script runs', () => {
  for (const route of routes.filter((route) => route.startsWith('/learn/'))) {
    test(`${route}: title, controls with their values, and Run`, async ({ browser, page }) => {
      const served = await browser.newPage({ javaScriptEnabled: false })
      await served.goto(route)
      await page.goto(route)
      const ids = await page.locator('[data-demo]').evaluateAll((roots) => roots.map((root) => root.getAttribute('data-demo')!))
      expect(ids.length).toBeGreaterThan(0)
      for (const id of ids) {
        const shell = demo(served, id)
        await expect(shell.getByRole('heading', { level: 3 })).toHaveText((await demo(page, id).getByRole('heading', { level: 3 }).textContent())!)
        await expect(shell.getByRole('button', { name: /^Run/ })).toBeEnabled()
        // The values the live demo starts from, already in the served fields.
        const live = demo(page, id)
        await loading(page, id).scrollIntoViewIfNeeded()
        await expect(loading(page, id)).toHaveAttribute('data-lazy-demo', 'live')
        const values = (root: typeof live) =>
          root.locator('input, textarea').evaluateAll((fields) =>
            fields.map((field) => (field instanceof HTMLInputElement && ['radio', 'checkbox'].includes(field.type) ? field.checked : (field as HTMLInputElement).value)),
          )
        expect(await values(shell)).toEqual(await values(live))
      }
      await served.close()
    })
  }
})
