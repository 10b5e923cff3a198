import { writtenSlugs } from '../content/written'
import { expect, test } from './fixtures'

test('the home page maps the course and links every published lesson', async ({ page }) => {
  await page.goto('/')
  const course = page.getByRole('region', { name: 'The course' })
  const links = course.getByRole('link')
  await expect(links).toHaveCount(writtenSlugs().length)
  for (const [i, slug] of writtenSlugs().entries()) await expect(links.nth(i)).toHaveAttribute('href', `/learn/${slug}`)
  await page.getByRole('link', { name: /Start with lesson 1/ }).click()
  await expect(page).toHaveURL(`/learn/${writtenSlugs()[0]}`)
})

test('a lesson has a sidebar marking it, a table of contents whose links land, and a pager', async ({ page }) => {
  const [first, second] = writtenSlugs()
  await page.goto(`/learn/${first}`)
  const sidebar = page.getByRole('navigation', { name: 'Lessons' })
  await expect(sidebar.locator('[aria-current="page"]').filter({ visible: true })).toHaveAttribute('href', `/learn/${first}`)

  const toc = page.getByRole('navigation', { name: 'On this page' })
  const hrefs = await toc.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  expect(hrefs.length).toBeGreaterThan(3)
  for (const href of hrefs) await expect(page.locator(`[id="${href!.slice(1)}"]`), href!).toHaveCount(1)
  await toc.getByRole('link').nth(1).click()
  await expect(page).toHaveURL(new RegExp(`${hrefs[1]}$`))

  const pager = page.getByRole('navigation', { name: 'Previous and next lesson' })
  if (second) {
    await pager.getByRole('link', { name: /Next/ }).click()
    await expect(page).toHaveURL(`/learn/${second}`)
  } else {
    await expect(pager.getByRole('link', { name: /Next/ })).toHaveCount(0)
  }
})

test('headings are anchored', async ({ page }) => {
  await page.goto(`/learn/${writtenSlugs()[0]}`)
  const heading = page.getByRole('heading', { level: 2 }).first()
  const id = await heading.getAttribute('id')
  expect(id).toBeTruthy()
  await expect(heading.getByRole('link')).toHaveAttribute('href', `#${id}`)
})

test('the skip link jumps to the content', async ({ page }) => {
  await page.goto(`/learn/${writtenSlugs()[0]}`)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await expect(page.locator('#content')).toHaveCount(1)
})

test.describe('theme', () => {
  test('follows the system by default', async ({ browser }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme })
      await page.goto('/')
      await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
      await page.close()
    }
  })

  test('remembers a choice and applies it before the first paint', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto('/')
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')

    // Record the theme at the moment the document is parsed, before any bundle runs.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        ;(window as unknown as { themeAtParse: boolean }).themeAtParse = document.documentElement.classList.contains('dark')
      })
    })
    await page.goto(`/learn/${writtenSlugs()[0]}`)
    expect(await page.evaluate(() => (window as unknown as { themeAtParse: boolean }).themeAtParse)).toBe(true)

    await page.getByRole('button', { name: 'System theme' }).click()
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
    await page.reload()
    await expect(page.locator('html')).not.toHaveClass(/\bdark\b/)
  })
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('lessons are listed behind a menu and the text fits the screen', async ({ page }) => {
    await page.goto(`/learn/${writtenSlugs()[0]}`)
    const menu = page.getByText('Lessons', { exact: false }).filter({ visible: true }).first()
    await menu.click()
    await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link').filter({ visible: true }).first()).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})

test('a lesson prefetches only its pager on load; a sidebar lesson when the reader points at it', async ({ page }) => {
  const slugs = writtenSlugs()
  const [first, second, third] = slugs
  const prefetched = new Set<string>()
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetched.add(new URL(request.url()).pathname)
  })
  await page.goto(`/learn/${second}`)
  await page.waitForLoadState('networkidle')
  // The pager's previous and next lessons, and the header's home link: never the whole sidebar.
  for (const path of prefetched) expect(['/', `/learn/${first}`, `/learn/${third}`]).toContain(path)

  const sidebar = page.getByRole('navigation', { name: 'Lessons' })
  const far = `/learn/${slugs.at(-1)}`
  expect(prefetched).not.toContain(far)
  const link = sidebar.locator(`a[href="${far}"]`).filter({ visible: true })
  const request = page.waitForRequest((r) => new URL(r.url()).pathname === far && Boolean(r.headers()['next-router-prefetch']))
  await link.hover()
  await request
  await link.click()
  await expect(page).toHaveURL(far)
})
