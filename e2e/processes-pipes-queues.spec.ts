import { demo, expect, expectAccessible, figure, runDemo, stopRun, test, trackWorkers } from './fixtures'

const lesson = '/learn/processes-pipes-queues'
const at = (id: string, settings: Record<string, string> = {}) => `${lesson}?${new URLSearchParams({ demo: id, ...settings })}`

// Worker demos on a busy two-core machine: generous time.
test.describe.configure({ timeout: 120_000 })

test.describe('Process', () => {
  test('reports the exit code of sys.exit(3)', async ({ page }) => {
    await page.goto(at('process', { seconds: '0.5', ending: 'exit' }))
    const result = await runDemo<{ exitcode: number; alive: boolean }>(page, 'process')
    expect(result).toMatchObject({ exitcode: 3, alive: false })
    await expect(demo(page, 'process').getByRole('list', { name: 'Life of the process' }).getByRole('listitem').filter({ hasText: 'stopped' })).toHaveAttribute('aria-current', 'step')
  })

  test('prints a traceback and exits with 1 when the target raises', async ({ page }) => {
    await page.goto(at('process', { seconds: '0.5', ending: 'raise' }))
    expect(await runDemo(page, 'process')).toMatchObject({ exitcode: 1 })
    await expect(demo(page, 'process').getByRole('list', { name: 'What the parent did and the child printed' })).toContainText(
      'ValueError: something went wrong in the child',
    )
  })

  test('p.terminate() ends the child mid-work with exitcode -15', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(at('process', { seconds: '10' }))
    const root = demo(page, 'process')
    await root.getByRole('button', { name: /^Run/ }).click()
    await expect(figure(root, 'p.is_alive()')).toHaveText('True')
    await expect(root.getByText('step 1 of 40')).toBeVisible()
    expect(workers.alive).toBe(1)
    await root.getByRole('button', { name: 'p.terminate()' }).click()
    await expect(root).toHaveAttribute('data-state', 'done')
    expect(JSON.parse((await root.getAttribute('data-result'))!)).toMatchObject({ exitcode: -15, alive: false })
    await expect(root.getByRole('status')).toContainText('killed by signal 15 (SIGTERM)')
    await expect.poll(() => workers.alive).toBe(0)
  })
})

test('the pipe carries numbers to B and their squares back to A', async ({ page }) => {
  await page.goto(at('pipe', { messages: '6', pause: '0' }))
  const result = await runDemo<{ replies: number[]; answered: number; crossed: number }>(page, 'pipe')
  expect(result).toEqual({ messages: 6, replies: [0, 1, 4, 9, 16, 25], answered: 6, crossed: 13 })
  const rows = demo(page, 'pipe').getByRole('list', { name: 'Messages through the pipe, in order' }).getByRole('listitem')
  await expect(rows).toHaveCount(13)
  await expect(rows.last()).toContainText(/A to B:.*None/)
})

test.describe('Queue', () => {
  test('every item from every producer is consumed exactly once', async ({ page }) => {
    await page.goto(at('queue', { producers: '3', consumers: '2', items: '15', maxsize: '4', work: '5' }))
    const result = await runDemo<{ produced: number; consumed: number; perConsumer: number[]; exact: boolean }>(page, 'queue')
    expect(result).toMatchObject({ produced: 45, consumed: 45, exact: true })
    expect(result.perConsumer).toHaveLength(2)
    const root = demo(page, 'queue')
    await expect(root.getByRole('status')).toContainText('Every item was consumed exactly once.')
    await expect(root.getByText('consumer 2')).toBeVisible()
  })

  test('shows the queue filling up while producers wait for room', async ({ page }) => {
    await page.goto(at('queue', { producers: '4', consumers: '1', items: '10', maxsize: '3', work: '150' }))
    const root = demo(page, 'queue')
    await root.getByRole('button', { name: /^Run/ }).click()
    await expect(root.getByText('Full: put() waits.')).toBeVisible()
    await expect(root.getByText('waiting for room').first()).toBeVisible()
    await root.getByRole('button', { name: 'Stop' }).click()
  })

  test('Stop ends the run and terminates every worker', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(at('queue', { producers: '2', consumers: '2', items: '200', work: '200' }))
    const root = demo(page, 'queue')
    await root.getByRole('button', { name: /^Run/ }).click()
    await expect.poll(() => workers.alive).toBe(4)
    await stopRun(root, workers)
  })
})

test('the live views stay accessible in both themes', async ({ page }) => {
  await page.goto(lesson)
  const runs: [string, [RegExp, string][]][] = [
    ['process', [[/^The child works for/, '0.5']]],
    ['pipe', [[/^Numbers A sends/, '3'], [/^Pause between/, '0']]],
    ['queue', [[/^Items per producer/, '5'], [/^Time to use an item/, '0']]],
  ]
  for (const [id, fields] of runs) {
    const root = demo(page, id)
    for (const [label, value] of fields) await root.getByRole('textbox', { name: label }).fill(value)
    if (id === 'process') await root.getByRole('radio', { name: 'raises ValueError' }).check()
    await runDemo(page, id, 90_000)
  }
  await expectAccessible(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveClass(/dark/)
  await expectAccessible(page)
})

test('a predict-the-output question explains why the finally block never prints', async ({ page }) => {
  await page.goto(lesson)
  const question = page.locator('[data-check="terminate-finally"]')
  await question.getByRole('radio', { name: /^cleaning up\s+-15$/ }).check()
  await question.getByRole('button', { name: 'Check answer' }).click()
  await expect(question.getByText('Not quite.')).toBeVisible()
  await question.getByRole('radio', { name: '-15', exact: true }).check()
  await question.getByRole('button', { name: 'Check answer' }).click()
  await expect(question.getByText('Correct.')).toBeVisible()
  await expect(question).toContainText('SIGTERM raises nothing')
})
