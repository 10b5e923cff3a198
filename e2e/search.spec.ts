import { expect, expectAccessible, routes, test } from './fixtures'

test('search opens with / and finds lesson text, then jumps to the section', async ({ page }) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled()
  expect(requests).not.toContain('/search-index.json')

  await page.keyboard.press('/')
  const dialog = page.getByRole('dialog', { name: 'Search lessons' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('searchbox', { name: 'Search lessons' })).toBeFocused()
  await page.keyboard.type('pickled')
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ results?$/)
  expect(requests).toContain('/search-index.json')
  const hit = dialog.getByRole('link').filter({ hasText: 'Multiprocessing' }).first()
  await expect(hit).toBeVisible()
  await expectAccessible(page)
  await page.keyboard.press('ArrowDown')
  await expect(dialog.getByRole('link').first()).toBeFocused()
  const href = (await hit.getAttribute('href'))!
  expect(href).toMatch(/^\/learn\/[a-z-]+#[a-z0-9-]+$/)
  await hit.click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(href)
  await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeInViewport()
})

test('search opens with Ctrl-K, says when nothing matches, and closes with Escape', async ({ page }) => {
  await page.goto('/learn/concurrency-in-python')
  await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled()
  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog', { name: 'Search lessons' })
  await expect(dialog).toBeVisible()
  await page.keyboard.type('zzzzqqq')
  await expect(dialog.getByRole('status')).toHaveText('No results')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('the index covers every published lesson and its headings', async ({ request }) => {
  const documents: { href: string; heading: string }[] = await (await request.get('/search-index.json')).json()
  expect(documents.some((d) => d.heading === 'Which model?')).toBe(true)
  const lessons = routes.filter((route) => route.startsWith('/learn/'))
  expect(new Set(documents.map((d) => d.href.split('#')[0]))).toEqual(new Set(lessons))
  // Every lesson is indexed by its sections, not only by its title.
  for (const lesson of lessons) expect(documents.filter((d) => d.href.startsWith(`${lesson}#`)).length, lesson).toBeGreaterThanOrEqual(3)
})
