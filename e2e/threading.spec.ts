import { demo, demoLive, expect, figure, runDemo, test, trackWorkers, withoutIsolation } from './fixtures'

const lesson = '/learn/threading'

type ThreadsResult = { threads: number; ms: number }

test.describe('the threads demo', () => {
  test('five threads sleeping 2 s each finish in about 2 s, with the live active count', async ({ page }) => {
    await page.goto(`${lesson}?demo=threads&threads=5&seconds=2`)
    const threads = demo(page, 'threads')
    await threads.getByRole('button', { name: /^Run/ }).click()
    // The main thread and five others.
    await expect(figure(threads, 'threading.active_count()')).toHaveText('6')
    await expect(threads).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    const result = JSON.parse((await threads.getAttribute('data-result'))!) as ThreadsResult
    expect(result.threads).toBe(5)
    // Overlapping sleeps: near one sleep, far from five. Loose, as the machine may be busy.
    expect(result.ms).toBeGreaterThanOrEqual(1_950)
    expect(result.ms).toBeLessThan(4_000)
    await expect(figure(threads, 'threading.active_count()')).toHaveText('1')
    const output = threads.getByRole('list', { name: 'Output, in the order it was printed' }).getByRole('listitem')
    await expect(output).toHaveCount(10)
    for (let i = 0; i < 5; i++) {
      await expect(output.filter({ hasText: `Thread ${i}: starting` })).toHaveCount(1)
      await expect(output.filter({ hasText: `Thread ${i}: finishing` })).toHaveCount(1)
    }
    await expect(threads.getByRole('status')).toContainText('the sleeps overlapped')
    await expect(threads.getByRole('figure', { name: 'When each thread was sleeping' })).toBeVisible()
  })

  test('runs the custom Thread class variant too', async ({ page }) => {
    await page.goto(`${lesson}?demo=threads&threads=6&seconds=0.5&style=subclass`)
    const result = await runDemo<ThreadsResult>(page, 'threads')
    expect(result.threads).toBe(6)
    // One after another would take 3 s.
    expect(result.ms).toBeGreaterThanOrEqual(450)
    expect(result.ms).toBeLessThan(2_000)
    await expect(demo(page, 'threads').getByText('Thread 5: finishing')).toBeVisible()
  })
})

test.describe('served without the cross-origin isolation headers', () => {
  test.beforeEach(({ page }) => withoutIsolation(page, lesson))

  test('the threads demo explains why it cannot run, and the questions still answer', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(lesson)
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false)
    const threads = demo(page, 'threads')
    // The demo says so once its code has loaded, as it nears the screen.
    await demoLive(page, 'threads')
    await expect(threads.getByRole('note')).toContainText('only allow on cross-origin isolated pages')
    await threads.getByRole('button', { name: /^Run/ }).click()
    await expect(threads).toHaveAttribute('data-state', 'error')
    await expect(threads.getByRole('alert')).toContainText('SharedArrayBuffer')
    expect(workers.started).toBe(0)

    const question = page.locator('[data-check="active-count"]')
    await question.getByRole('radio', { name: '4' }).check()
    await question.getByRole('button', { name: 'Check answer' }).click()
    await expect(question.getByText('Correct.')).toBeVisible()
  })
})
