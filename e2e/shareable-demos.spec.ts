import { splits } from '../content/course'
import { demo, expect, test } from './fixtures'

test('Copy link encodes the current controls, and the link opens the demo preset', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/learn/concurrency-in-python')
  const chooser = demo(page, 'chooser')
  await chooser.getByRole('radio', { name: 'waits on I/O' }).check()
  await chooser.getByRole('textbox', { name: /^Tasks/ }).fill('250')
  await chooser.getByRole('button', { name: 'Copy link' }).click()
  await expect(chooser.getByText('Link copied.')).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(new URL(link).search).toBe('?demo=chooser&bound=io&tasks=250')

  await page.goto(link)
  await expect(chooser.getByRole('textbox', { name: /^Tasks/ })).toHaveValue('250')
  await expect(chooser.getByRole('radio', { name: 'waits on I/O' })).toBeChecked()
})

test.describe('a link to a demo or section that moved to another lesson', () => {
  test('an old preset link opens the demo in its lesson now, and runs it', async ({ page }) => {
    await page.goto('/learn/threading?demo=counter&mode=lock&workers=2&increments=100000&run=1')
    await expect(page).toHaveURL('/learn/thread-safety?demo=counter&mode=lock&workers=2&increments=100000&run=1')
    const counter = demo(page, 'counter')
    await expect(counter).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    expect(JSON.parse((await counter.getAttribute('data-result'))!)).toMatchObject({ expected: 200_000, actual: 200_000 })
  })

  for (const { from, to, demos } of splits) {
    test(`every demo that left ${from} is found from its old link, in ${to}`, async ({ page }) => {
      for (const id of demos) {
        await page.goto(`/learn/${from}?demo=${id}#${id}`)
        await expect(page).toHaveURL(`/learn/${to}?demo=${id}#${id}`)
        await expect(demo(page, id)).toBeVisible()
      }
    })
  }

  test('an old link to a section lands on it; links to what stayed do not move', async ({ page }) => {
    await page.goto('/learn/multiprocessing#joining-a-process-that-put-items-on-a-queue')
    await expect(page).toHaveURL('/learn/processes-pipes-queues#joining-a-process-that-put-items-on-a-queue')
    await expect(page.getByRole('heading', { name: 'Joining a process that put items on a queue' })).toBeInViewport()

    await page.goto('/learn/threading?demo=threads&threads=3')
    await expect(demo(page, 'threads').getByRole('textbox', { name: /^Threads/ })).toHaveValue('3')
    await expect(page).toHaveURL('/learn/threading?demo=threads&threads=3')
    await page.goto('/learn/threading#daemon-threads')
    await expect(page.getByRole('heading', { name: 'Daemon threads' })).toBeInViewport()
    await expect(page).toHaveURL('/learn/threading#daemon-threads')
  })
})
