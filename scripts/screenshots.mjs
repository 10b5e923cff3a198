// Screenshots of the running site: `node scripts/screenshots.mjs [baseURL] [outDir] [path…]`.
// Each path is shot in light and dark at 1280×720 (projected) and 390×844 (phone).
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './browser.mjs'

const [base = 'http://localhost:3000', outDir = 'screenshots', ...paths] = process.argv.slice(2)
const targets = paths.length ? paths : ['/', '/learn/concurrency-in-python']
const viewports = { desktop: { width: 1280, height: 720 }, phone: { width: 390, height: 844 } }
const full = process.env.FULL_PAGE === '1'

await mkdir(outDir, { recursive: true })
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs })
for (const [device, viewport] of Object.entries(viewports)) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport, colorScheme: scheme })
    for (const target of targets) {
      const [pathname, action] = target.split('!')
      await page.goto(new URL(pathname, base).href)
      if (action) {
        await page.locator(`[data-demo="${action}"]`).getByRole('button', { name: /^Run/ }).click()
        await page.locator(`[data-demo="${action}"][data-state="done"]`).waitFor({ timeout: 60_000 })
        await page.locator(`[data-demo="${action}"]`).scrollIntoViewIfNeeded()
      }
      const name = `${(pathname + (action ? `-${action}` : '')).replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${device}-${scheme}.png`
      await page.screenshot({ path: path.join(outDir, name), fullPage: full })
      console.log(name)
    }
    await page.close()
  }
}
await browser.close()
