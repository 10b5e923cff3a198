import { test, type Browser } from '@playwright/test'
import { writtenSlugs } from '../content/written'
import { record } from './record'

type Load = {
  /** Gzip bytes of each script the page fetched, by path. */
  scripts: Record<string, number>
  /** Cumulative layout shift, without shifts that follow input. */
  cls: number
}

/** Loads a route in a fresh context, as a first visit does, and waits for the network to go quiet. */
async function load(browser: Browser, route: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  await page.addInitScript(() => {
    const page = window as unknown as { cls: number }
    page.cls = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) page.cls += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto(route, { waitUntil: 'networkidle' })
  // Resource Timing's encodedBodySize: each script's body as it crossed the wire (gzip), headers excluded.
  const { scripts, cls } = await page.evaluate(() => ({
    scripts: Object.fromEntries(
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => [new URL(entry.name).pathname, entry.encodedBodySize]),
    ),
    cls: (window as unknown as { cls: number }).cls,
  }))
  await context.close()
  return { scripts, cls }
}

const kib = (bytes: number) => bytes / 1024
const total = (scripts: Record<string, number>) => Object.values(scripts).reduce((sum, bytes) => sum + bytes, 0)

test('JS on load and layout shift: home and every lesson', async ({ browser }) => {
  const home = await load(browser, '/')
  const homeKiB = kib(total(home.scripts))
  const budget = `≤ 150 KiB, ≤ home+10 (${(homeKiB + 10).toFixed(1)})`
  record({ name: 'JS on load /', value: homeKiB, unit: 'KiB gzip', target: '≤ 150 KiB' })
  record({ name: 'CLS on load /', value: home.cls, unit: 'score', target: '0' })

  let heaviest: { route: string; load: Load; bytes: number } | undefined
  for (const slug of writtenSlugs()) {
    const route = `/learn/${slug}`
    const lesson = await load(browser, route)
    const bytes = total(lesson.scripts)
    record({ name: `JS on load ${route} (${Object.keys(lesson.scripts).length} scripts)`, value: kib(bytes), unit: 'KiB gzip', target: budget })
    record({ name: `CLS on load ${route}`, value: lesson.cls, unit: 'score', target: '0' })
    if (!heaviest || bytes > heaviest.bytes) heaviest = { route, load: lesson, bytes }
  }

  // What the heaviest lesson loads, chunk by chunk, heaviest first.
  if (!heaviest) return
  const chunks = Object.entries(heaviest.load.scripts).sort(([, a], [, b]) => b - a)
  for (const [url, bytes] of chunks) {
    record({ name: `  ${heaviest.route}: ${url.replace(/^\/_next\/static\//, '')}`, value: kib(bytes), unit: 'KiB gzip' })
  }
})
