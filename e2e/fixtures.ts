import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { writtenSlugs } from '../content/written'
import { untilLive } from './live'

/** Every page of the site: home and each published lesson. */
export const routes = ['/', ...writtenSlugs().map((slug) => `/learn/${slug}`)]

type Fixtures = {
  /** Console errors a test expects (e.g. the 404 page's own status). */
  allowedConsoleErrors: RegExp[]
  /**
   * Console errors and uncaught exceptions; every test ends by expecting none beyond those allowed.
   * A message that names a place (a failed load names its URL) ends with it in brackets.
   */
  consoleErrors: string[]
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        const { url } = message.location()
        errors.push(url ? `${message.text()} [${url}]` : message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      // A script the page's Content-Security-Policy blocks (an eval, say) is not a console error by itself.
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP blocked ${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)),
      )
      await use(errors)
      expect(errors.filter((error) => !allowedConsoleErrors.some((allowed) => allowed.test(error))), 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** A demo's root, by its public id. */
export const demo = (page: Page, id: string) => page.locator(`[data-demo="${id}"]`)

/** Brings a demo near and waits for its code to have loaded and taken over its server HTML. */
export const demoLive = (page: Page, id: string) => untilLive(demo(page, id))

/** A challenge's root, by its public id. */
export const challenge = (page: Page, id: string) => page.locator(`[data-challenge="${id}"]`)

/** A challenge's root, once its interactive part has loaded and taken over the server's HTML. */
export async function liveChallenge(page: Page, id: string) {
  const root = challenge(page, id)
  const wrapper = root.locator('[data-lazy-demo]')
  await wrapper.scrollIntoViewIfNeeded()
  await expect(wrapper).toHaveAttribute('data-lazy-demo', 'live')
  return root
}

/** Reloads the page and expects the challenge still solved: its state was saved with progress. */
export async function expectKeptAfterReload(page: Page, id: string) {
  await page.reload()
  await expect(challenge(page, id)).toHaveAttribute('data-state', 'solved')
}

/** Edits the program in an asyncio challenge's editor: `edit` gets the text and returns the new text. */
export async function editPython(root: Locator, edit: (code: string) => string) {
  const editor = root.getByRole('textbox', { name: 'Your Python' })
  await editor.fill(edit(await editor.inputValue()))
}

/** Checks an asyncio challenge's program; CPython (Pyodide) loads first, the first time. */
export async function checkPython(root: Locator) {
  await root.getByRole('button', { name: 'Check' }).click()
  await expect(root.getByRole('button', { name: 'Check' })).toBeEnabled({ timeout: 90_000 })
}

/** Holds back every script fetched from now on until `release()`: a demo's code, on a slow network. */
export async function slowScripts(page: Page) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/_next/static/**/*.js', async (route) => {
    await released
    await route.continue()
  })
  return release
}

/** One of a demo's figures (a `<Stat>`), found by its label: the value beside the term. */
export const figure = (root: Locator, label: string) =>
  root.getByRole('term').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]')

/** Runs a demo and waits for it to finish; returns its `data-result`. */
export async function runDemo<R = Record<string, unknown>>(page: Page, id: string, timeout = 30_000): Promise<R> {
  const root = demo(page, id)
  await root.getByRole('button', { name: /^Run/ }).click()
  await expect(root).toHaveAttribute('data-state', 'done', { timeout })
  return JSON.parse((await root.getAttribute('data-result')) ?? 'null') as R
}

/** Zero WCAG 2 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(
    violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`),
  ).toEqual([])
}

/** Serves a lesson's page as if embedded elsewhere: the document arrives without COOP and COEP. */
export async function withoutIsolation(page: Page, lesson: string) {
  await page.route(`**${lesson}*`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue()
    const response = await route.fetch()
    const headers = { ...response.headers() }
    delete headers['cross-origin-opener-policy']
    delete headers['cross-origin-embedder-policy']
    await route.fulfill({ response, headers })
  })
}

/** Counts the page's live Web Workers: Playwright reports each one's start and its close. */
export function trackWorkers(page: Page) {
  let alive = 0
  let started = 0
  page.on('worker', (worker) => {
    alive++
    started++
    worker.on('close', () => alive--)
  })
  return {
    get alive() {
      return alive
    },
    get started() {
      return started
    },
  }
}

/** Clicks the demo's Stop and checks that the run ended at once and left no worker alive. */
export async function stopRun(root: Locator, workers: ReturnType<typeof trackWorkers>) {
  await root.getByRole('button', { name: 'Stop' }).click()
  await expect(root).toHaveAttribute('data-state', 'idle')
  await expect(root.getByRole('status')).toHaveText('Stopped.')
  await expect.poll(() => workers.alive).toBe(0)
}

/**
 * Clicks the demo's Run with a bad value in a control and checks that nothing ran: the demo asks
 * for the value to be fixed, stays idle and, with `workers`, started none.
 */
export async function expectRefusal(root: Locator, workers?: ReturnType<typeof trackWorkers>) {
  await root.getByRole('button', { name: /^Run/ }).click()
  await expect(root.getByRole('status')).toHaveText('Fix the highlighted values, then run again.')
  await expect(root).toHaveAttribute('data-state', 'idle')
  if (workers) expect(workers.started).toBe(0)
}

/**
 * A timeline's tooltip for its first lane: moves the pointer along the lane, from the middle
 * outwards, until it is over a span (a worker may have been paused just where the pointer is).
 */
export async function firstLaneTooltip(page: Page, timeline: Locator): Promise<string> {
  const lanes = timeline.locator('canvas')
  // The mouse acts only inside the viewport, and a finished demo may have grown the lanes below it.
  await lanes.scrollIntoViewIfNeeded()
  const box = (await lanes.boundingBox())!
  for (const along of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    await page.mouse.move(box.x + box.width * along, box.y + 5)
    const title = await lanes.getAttribute('title')
    if (title) return title
  }
  return ''
}
