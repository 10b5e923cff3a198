import { demo, expect, expectRefusal, figure, runDemo, stopRun, test, trackWorkers } from './fixtures'

const lesson = '/learn/concurrency-in-python'

test('a preset link fills the demo it names, and only that one', async ({ page }) => {
  // `workers` is a control of the cores demo too: the preset names the chooser, so cores keeps its default.
  await page.goto(`${lesson}?demo=chooser&bound=io&tasks=1000&workers=9`)
  const chooser = demo(page, 'chooser')
  await expect(chooser.getByRole('textbox', { name: /^Tasks/ })).toHaveValue('1000')
  await expect(chooser.getByRole('radio', { name: 'waits on I/O' })).toBeChecked()
  await expect(chooser).toBeInViewport()
  await expect(demo(page, 'cores').getByLabel('Workers')).toHaveValue('4')
  expect(await runDemo(page, 'chooser')).toMatchObject({ model: 'asyncio' })
})

test('run=1 in a preset link starts the demo on arrival', async ({ page }) => {
  await page.goto(`${lesson}?demo=chooser&bound=cpu&tasks=8&run=1`)
  await expect(demo(page, 'chooser')).toHaveAttribute('data-state', 'done')
  await expect(demo(page, 'chooser').getByRole('status')).toContainText('multiprocessing')
})

test('a malformed preset value is shown with its message and nothing runs', async ({ page }) => {
  const workers = trackWorkers(page)
  await page.goto(`${lesson}?demo=cores&workers=lots&run=1`)
  const cores = demo(page, 'cores')
  const field = cores.getByLabel('Workers')
  await expect(field).toHaveValue('lots')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(/“lots” is not a whole number/)
  await expect(cores.getByText('“lots” is not a whole number. Use 1 to 16.')).toBeVisible()
  await expectRefusal(cores, workers)
})

test('out-of-range values are refused with the limit they break', async ({ page }) => {
  await page.goto(lesson)
  const cores = demo(page, 'cores')
  // Typing waits for the demo to come alive: Run is enabled once it has hydrated.
  await expect(cores.getByRole('button', { name: /^Run/ })).toBeEnabled()
  const field = cores.getByLabel('Workers')
  for (const [value, message] of [
    ['0', '0 is below the minimum, 1.'],
    ['17', '17 is above the maximum, 16.'],
    ['2.5', '“2.5” is not a whole number. Use 1 to 16.'],
    ['', 'Enter a whole number from 1 to 16.'],
  ]) {
    await field.fill(value!)
    await expect(cores.getByText(message!)).toBeVisible()
    await cores.getByRole('button', { name: /^Run/ }).click()
    await expect(cores).toHaveAttribute('data-state', 'idle')
  }
  await cores.getByLabel('Work per worker').fill('9')
  await expect(cores.getByText('9 is above the maximum, 3.')).toBeVisible()
})

test('a link that sets a control the demo lacks says so', async ({ page }) => {
  await page.goto(`${lesson}?demo=chooser&taks=5`)
  await expect(demo(page, 'chooser').getByRole('status')).toHaveText(/sets taks, which this demo does not have/)
})

test('the result is readable text and the same figures as JSON', async ({ page }) => {
  await page.goto(lesson)
  const cores = demo(page, 'cores')
  await cores.getByLabel('Workers').fill('2')
  await cores.getByLabel('Work per worker').fill('0.3')
  // Enter in a field runs the demo, like the Run button.
  await cores.getByLabel('Work per worker').press('Enter')
  await expect(cores).toHaveAttribute('data-state', 'done')
  const result = JSON.parse((await cores.getAttribute('data-result'))!)
  expect(result).toMatchObject({ workers: 2, cores: expect.any(Number), ms: expect.any(Number), parallelism: expect.any(Number) })
  await expect(cores.getByRole('status')).toContainText(`2 × 0.3 s of work took`)
})

test('Stop ends the run and terminates its workers', async ({ page }) => {
  const workers = trackWorkers(page)
  await page.goto(`${lesson}?demo=cores&workers=4&seconds=3`)
  const cores = demo(page, 'cores')
  await cores.getByRole('button', { name: /^Run/ }).click()
  await expect(cores).toHaveAttribute('data-state', 'running')
  await expect.poll(() => workers.alive).toBe(4)
  await stopRun(cores, workers)
  await expect(figure(cores, 'Workers alive')).toHaveText('0')
})

test('leaving the page mid-run terminates every worker', async ({ page }) => {
  const workers = trackWorkers(page)
  await page.goto(`${lesson}?demo=cores&workers=3&seconds=3`)
  await demo(page, 'cores').getByRole('button', { name: /^Run/ }).click()
  await expect.poll(() => workers.alive).toBe(3)
  // Client-side navigation: the page itself stays, only the lesson unmounts.
  await page.getByRole('link', { name: 'Concurrency Lab' }).click()
  await expect(page).toHaveURL('/')
  await expect.poll(() => workers.alive).toBe(0)
  expect(workers.started).toBe(3)
})
