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
