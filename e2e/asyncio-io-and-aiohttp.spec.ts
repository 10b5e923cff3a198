import { demo, expect, expectAccessible, runDemo, test } from './fixtures'

const lesson = '/learn/asyncio-io-and-aiohttp'
type Result = { mode: string; ms: number; ok: number; failed: number; most: number }

const open = (page: import('@playwright/test').Page, settings: Record<string, string>) =>
  page.goto(`${lesson}?${new URLSearchParams({ demo: 'async-fetch', ...settings })}`)

// Bounds are loose: the machine may be busy. They check the shape, not the speed.
test.describe('many requests, one thread', () => {
  test('sequential requests take about the sum of their delays', async ({ page }) => {
    await open(page, { mode: 'sequential', requests: '3', delay: '400' })
    const result = await runDemo<Result>(page, 'async-fetch')
    expect(result).toMatchObject({ mode: 'sequential', ok: 3, failed: 0, most: 1 })
    expect(result.ms).toBeGreaterThanOrEqual(1200)
    expect(result.ms).toBeLessThan(6000)
  })

  test('gather overlaps the requests: five take about as long as one', async ({ page }) => {
    await open(page, { mode: 'gather', requests: '5', delay: '1500' })
    const result = await runDemo<Result>(page, 'async-fetch')
    // All five in flight at once; well under the 7.5 s five sequential requests need.
    expect(result).toMatchObject({ mode: 'gather', ok: 5, failed: 0, most: 5 })
    expect(result.ms).toBeGreaterThanOrEqual(1500)
    expect(result.ms).toBeLessThan(5000)
    await expect(demo(page, 'async-fetch').getByRole('figure', { name: /When each request waited/ })).toBeVisible()
    await expectAccessible(page)
  })

  test('bounded never has more than limit requests in flight', async ({ page }) => {
    await open(page, { mode: 'bounded', requests: '6', delay: '300', limit: '2' })
    const result = await runDemo<Result>(page, 'async-fetch')
    expect(result).toMatchObject({ mode: 'bounded', ok: 6, failed: 0 })
    expect(result.most).toBeLessThanOrEqual(2)
    expect(result.ms).toBeGreaterThanOrEqual(900)
    expect(result.ms).toBeLessThan(5000)
  })

  test.describe('with failures', () => {
    // The browser logs every 503 answer as a console error: here they are asked for.
    test.use({ allowedConsoleErrors: [/status of 503/] })

    test('shows each failed and timed-out request, and the others still finish', async ({ page }) => {
      await open(page, { mode: 'gather', requests: '4', delay: '200', fail: '2' })
      expect(await runDemo<Result>(page, 'async-fetch')).toMatchObject({ ok: 2, failed: 2 })
      const failures = demo(page, 'async-fetch').getByRole('list', { name: 'Failed requests' })
      await expect(failures.getByRole('listitem')).toHaveText(['Request 2: HTTP 503', 'Request 4: HTTP 503'])

      await open(page, { mode: 'gather', requests: '2', delay: '3000', timeout: '300' })
      const result = await runDemo<Result>(page, 'async-fetch')
      expect(result).toMatchObject({ ok: 0, failed: 2 })
      expect(result.ms).toBeLessThan(2500)
      await expect(failures.getByRole('listitem')).toHaveText(['Request 1: timed out after 300 ms', 'Request 2: timed out after 300 ms'])
    })
  })

  test('Stop aborts the requests in flight', async ({ page }) => {
    await open(page, { mode: 'gather', requests: '5', delay: '5000' })
    const fetchDemo = demo(page, 'async-fetch')
    // The first run of a page sends its requests once the page's own start-up requests are over.
    const sent = page.waitForRequest((request) => request.url().includes('/api/delay'))
    await fetchDemo.getByRole('button', { name: /^Run/ }).click()
    await expect(fetchDemo).toHaveAttribute('data-state', 'running')
    await sent
    const aborted = page.waitForEvent('requestfailed', (request) => request.url().includes('/api/delay'))
    await fetchDemo.getByRole('button', { name: 'Stop' }).click()
    await expect(fetchDemo).toHaveAttribute('data-state', 'idle')
    expect((await aborted).failure()?.errorText).toMatch(/ABORTED/)
  })

  test('the limit control appears for bounded mode only', async ({ page }) => {
    await page.goto(lesson)
    const fetchDemo = demo(page, 'async-fetch')
    await expect(fetchDemo.getByRole('textbox', { name: /^Limit/ })).toHaveCount(0)
    await fetchDemo.getByRole('radio', { name: 'bounded' }).check()
    await expect(fetchDemo.getByRole('textbox', { name: /^Limit/ })).toHaveValue('3')
  })
})
