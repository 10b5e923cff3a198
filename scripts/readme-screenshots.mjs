// Regenerates the README's screenshots from a running production server:
// `node scripts/readme-screenshots.mjs [baseURL]` (default http://localhost:3000) → docs/*.png
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumPath } from './browser.mjs'

const base = process.argv[2] ?? 'http://localhost:3000'
const shots = [
  { file: 'home.png', path: '/', scheme: 'light' },
  { file: 'cores-demo-dark.png', path: '/learn/concurrency-in-python?demo=cores&workers=4&seconds=1&run=1', scheme: 'dark', demo: 'cores' },
  { file: 'chooser-demo.png', path: '/learn/concurrency-in-python?demo=chooser&bound=io&tasks=10&shared=true&run=1', scheme: 'light', demo: 'chooser', offset: 380 },
  { file: 'gil-lab.png', path: '/learn/processes-vs-threads?demo=gil&mode=threads&workload=cpu&workers=2&run=1', scheme: 'light', demo: 'gil', offset: 430 },
  { file: 'lesson-phone.png', path: '/learn/concurrency-in-python', scheme: 'light', viewport: { width: 390, height: 844 } },
]

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs })
for (const shot of shots) {
  const page = await browser.newPage({ viewport: shot.viewport ?? { width: 1280, height: 720 }, colorScheme: shot.scheme })
  await page.goto(new URL(shot.path, base).href)
  if (shot.demo) {
    await page.locator(`[data-demo="${shot.demo}"][data-state="done"]`).waitFor({ timeout: 60_000 })
    if (shot.offset) await page.mouse.wheel(0, shot.offset)
    await page.waitForTimeout(300)
  }
  await page.screenshot({ path: `docs/${shot.file}` })
  console.log(`docs/${shot.file}`)
  await page.close()
}
await browser.close()
