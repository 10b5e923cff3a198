import { demo, expect, expectAccessible, firstLaneTooltip, runDemo, test } from './fixtures'

const lesson = '/learn/concurrency-in-python'

test.describe('the "Which model?" chooser', () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ['eight CPU-bound tasks', { bound: 'cpu', tasks: '8' }, 'multiprocessing', /Pool/],
    ['one CPU-bound task', { bound: 'cpu', tasks: '1' }, 'no concurrency', /split/],
    ['work that computes and waits', { bound: 'cpu', waits: 'many', tasks: '8' }, 'asyncio + processes', /run_in_executor/],
    ['ten blocking downloads', { bound: 'io', tasks: '10' }, 'threading', /ThreadPoolExecutor/],
    ['a thousand downloads', { bound: 'io', tasks: '1000' }, 'asyncio', /gather/],
    ['one request', { bound: 'io', tasks: '1' }, 'no concurrency', /sequential/],
  ]

  for (const [name, settings, model, api] of cases) {
    test(`recommends ${model} for ${name}`, async ({ page }) => {
      await page.goto(`${lesson}?${new URLSearchParams({ demo: 'chooser', ...settings })}`)
      const result = await runDemo<{ model: string; api: string }>(page, 'chooser')
      expect(result.model).toBe(model)
      expect(result.api).toMatch(api)
      await expect(demo(page, 'chooser').getByText('Why', { exact: true })).toBeVisible()
    })
  }

  test('is operated by keyboard alone and warns about shared state', async ({ page }) => {
    await page.goto(lesson)
    const chooser = demo(page, 'chooser')
    // A control takes focus once the demo has hydrated; until then it is disabled.
    await expect(chooser.getByRole('radio', { name: 'waits on I/O' })).toBeEnabled()
    await chooser.getByRole('radio', { name: 'waits on I/O' }).focus()
    await expect(chooser.getByRole('radio', { name: 'waits on I/O' })).toBeFocused()
    await page.keyboard.press('Space')
    await chooser.getByLabel('Tasks update shared state').press('Space')
    await chooser.getByRole('textbox', { name: /^Tasks/ }).fill('12')
    await chooser.getByRole('textbox', { name: /^Tasks/ }).press('Enter')
    await expect(chooser).toHaveAttribute('data-state', 'done')
    await expect(chooser).toContainText('threading.Lock')
    await expectAccessible(page)
  })
})

test('the cores demo shows workers computing in parallel', async ({ page }) => {
  // Timed on a page that has finished loading: until then, the page and the server share the cores.
  await page.goto(`${lesson}?demo=cores&workers=2&seconds=0.5`, { waitUntil: 'networkidle' })
  test.skip((await page.evaluate(() => navigator.hardwareConcurrency)) < 2, 'two workers can only overlap on two or more cores')
  const result = await runDemo<{ workers: number; cores: number; ms: number; parallelism: number }>(page, 'cores')
  expect(result.workers).toBe(2)
  // Each worker measures its own time on a core, so two can never count more than two cores' worth.
  expect(result.parallelism).toBeLessThanOrEqual(2.05)
  // Two workers on two or more cores overlap; a loose bound, as the machine may be busy.
  expect(result.parallelism).toBeGreaterThan(1.3)
  const timeline = demo(page, 'cores').getByRole('figure', { name: 'When each worker was computing' })
  await expect(timeline).toContainText('worker 2')
  // The pointer over a lane names a stretch the worker spent on a core.
  expect(await firstLaneTooltip(page, timeline)).toMatch(/^worker 1, on a core: \d+ ms → \d+ ms$/)
  await expectAccessible(page)
})

test('check-yourself questions give feedback and explain', async ({ page }) => {
  await page.goto(lesson)
  const question = page.locator('[data-check="threads-sleep"]')
  await expect(question.getByText('releases the GIL')).toHaveCount(0)
  await expect(question.getByRole('button', { name: 'Check answer' })).toBeDisabled()
  await question.getByRole('radio', { name: '3' }).check()
  await question.getByRole('button', { name: 'Check answer' }).click()
  await expect(question.getByText('Not quite.')).toBeVisible()
  await question.getByRole('button', { name: 'Show the answer' }).click()
  await expect(question.getByText('The answer is: 1')).toBeVisible()
  await expect(question).toContainText('releases the GIL')

  const other = page.locator('[data-check="cpu-bound-model"]')
  await other.getByRole('radio', { name: 'multiprocessing' }).check()
  await other.getByRole('button', { name: 'Check answer' }).click()
  await expect(other.getByText('Correct.')).toBeVisible()
})

test('code blocks can be copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(lesson)
  const block = page.locator('figure.code-block').filter({ hasText: 'threading.Thread(target=work)' })
  await block.getByRole('button', { name: 'Copy code' }).click()
  await expect(block.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('threads = [threading.Thread(target=work) for _ in range(3)]')
})
