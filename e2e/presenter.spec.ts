import { writtenSlugs } from '../content/written'
import { demo, expect, expectAccessible, slowScripts, test } from './fixtures'

const lesson = `/learn/${writtenSlugs()[0]}`

test('presenter mode shows one slide at a time in large type and moves with the arrow keys', async ({ page }) => {
  await page.goto(lesson)
  await expect(page.getByRole('button', { name: 'Present' })).toBeEnabled()
  const normalSize = await page.locator('html').evaluate((html) => parseFloat(getComputedStyle(html).fontSize))
  await page.keyboard.press('p')
  const bar = page.getByRole('toolbar', { name: 'Presenter mode' })
  await expect(bar).toBeVisible()
  expect(await page.locator('html').evaluate((html) => parseFloat(getComputedStyle(html).fontSize))).toBeGreaterThan(normalSize * 1.25)
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(bar.getByText(/^1 \//)).toBeVisible()

  // → reaches the first section; everything else is off stage.
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden()
  const firstSection = page.getByRole('heading', { level: 2 }).first()
  await expect(firstSection).toBeVisible()
  await expect(bar.getByText(/^2 \//)).toBeVisible()

  // Keep going until a demo fills the slide.
  for (let i = 0; i < 20 && !(await demo(page, 'cores').isVisible()); i++) await page.keyboard.press('ArrowRight')
  await expect(demo(page, 'cores')).toBeVisible()
  await expect(firstSection).toBeHidden()
  await expectAccessible(page)
  // F puts the demo on this slide full screen.
  await page.keyboard.press('f')
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-demo'))).toBe('cores')
  await page.evaluate(() => document.exitFullscreen())
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull()
  await page.keyboard.press('ArrowLeft')
  await expect(demo(page, 'cores')).toBeHidden()

  await page.keyboard.press('Escape')
  await expect(bar).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toBeAttached()
  await expect(demo(page, 'cores')).toBeVisible()
})

test('presenter mode is also a button, and demos can run inside it', async ({ page }) => {
  await page.goto(lesson)
  await page.getByRole('button', { name: 'Present' }).click()
  for (let i = 0; i < 20 && !(await demo(page, 'chooser').isVisible()); i++) {
    await page.getByRole('button', { name: 'Next slide' }).click()
  }
  const chooser = demo(page, 'chooser')
  // Arrow keys inside a control move the control, not the slide.
  await chooser.getByRole('radio', { name: 'waits on I/O' }).check()
  await page.keyboard.press('ArrowLeft')
  await expect(chooser).toBeVisible()
  await chooser.getByRole('button', { name: /^Run/ }).click()
  await expect(chooser).toHaveAttribute('data-state', 'done')
  await page.getByRole('button', { name: 'Leave presenter mode' }).click()
  await expect(page.getByRole('button', { name: 'Present' })).toBeVisible()
})

test('a demo goes full screen and back', async ({ page }) => {
  await page.goto(lesson)
  const cores = demo(page, 'cores')
  await cores.getByRole('button', { name: 'Full screen' }).click()
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-demo'))).toBe('cores')
  await cores.getByRole('button', { name: 'Exit full screen' }).click()
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull()
})

test('projected at 1280×720, a demo shows its result and live view beside the controls, without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/learn/thread-safety')
  await page.getByRole('button', { name: 'Present' }).click()
  const counter = demo(page, 'counter')
  for (let i = 0; i < 30 && !(await counter.isVisible()); i++) await page.keyboard.press('ArrowRight')
  await expect(counter.getByRole('button', { name: /^Run/ })).toBeEnabled()
  await counter.getByRole('button', { name: /^Run/ }).click()
  await expect(counter).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
  const bar = await page.getByRole('toolbar', { name: 'Presenter mode' }).boundingBox()
  const status = await counter.getByRole('status').first().boundingBox()
  const live = await counter.locator('.demo-live').boundingBox()
  const controls = await counter.locator('.demo-controls').boundingBox()
  // Beside: the live view starts right of the controls and level with them, and it starts on screen.
  expect(live!.x).toBeGreaterThan(controls!.x + controls!.width)
  expect(status!.y + status!.height).toBeLessThan(bar!.y)
  expect(live!.y + 100).toBeLessThan(bar!.y)
})

test('F on a demo whose code is still arriving shows the live demo full screen once it comes', async ({ page }) => {
  await page.goto('/learn/thread-safety', { waitUntil: 'networkidle' })
  await page.getByRole('button', { name: 'Present' }).click()
  const release = await slowScripts(page)
  const counter = demo(page, 'counter')
  for (let i = 0; i < 40 && !(await counter.isVisible()); i++) await page.keyboard.press('ArrowRight')
  const wrapper = page.locator('[data-lazy-demo]', { has: counter })
  await expect(wrapper).toHaveAttribute('data-lazy-demo', 'waiting')
  await page.keyboard.press('f')
  // Not the server's HTML, which the live demo is about to replace.
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull()
  release()
  await expect(wrapper).toHaveAttribute('data-lazy-demo', 'live')
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('data-demo'))).toBe('counter')
  await expect(counter.getByRole('button', { name: 'Exit full screen' })).toBeVisible()
})
