import { demo, demoLive, expect, expectAccessible, runDemo, stopRun, test, trackWorkers, withoutIsolation } from './fixtures'

const lesson = '/learn/thread-safety'

/** Keys pressed before the demo is live would be lost. */
const ready = demoLive

type CounterResult = { interpreter: string; expected: number; actual: number; ms: number }

test.describe('the counter demo', () => {
  test('by default stands in for CPython with the GIL: the bare += comes out exact, as counter.py prints', async ({ page }) => {
    await page.goto(`${lesson}?demo=counter&mode=unsafe&workers=4&increments=1000000`)
    const counter = demo(page, 'counter')
    await expect(counter.getByRole('radio', { name: 'CPython with the GIL', exact: true })).toBeChecked()
    for (let run = 0; run < 2; run++) {
      expect(await runDemo<CounterResult>(page, 'counter')).toMatchObject({ interpreter: 'gil', expected: 4_000_000, actual: 4_000_000 })
    }
    await expect(counter.getByRole('status')).toContainText('With the GIL, no switch can land between the read and the write')
    // What real CPython printed for the same loop, beside the demo.
    await counter.getByRole('tab', { name: /^CPython 3\.\d+ printed$/ }).click()
    await expect(counter.getByRole('tabpanel')).toContainText('UnsafeCounter: 4,000,000 of 4,000,000')
    await expect(counter.getByRole('tabpanel')).toContainText('$ python3 counter.py')
  })

  for (const [interpreter, why] of [
    ['gil-call', 'The GIL changed hands at the call to add_one'],
    ['free-threaded', 'Free-threaded workers run at once'],
  ] as const) {
    test(`loses updates without a lock, ${interpreter}`, async ({ page }) => {
      await page.goto(`${lesson}?demo=counter&interpreter=${interpreter}&mode=unsafe&workers=4&increments=1000000`)
      const results: CounterResult[] = []
      // Racing workers almost always collide; three tries make a miss vanishingly rare.
      for (let run = 0; run < 3 && !results.some((r) => r.actual < r.expected); run++) results.push(await runDemo<CounterResult>(page, 'counter'))
      expect(results.every((r) => r.interpreter === interpreter && r.expected === 4_000_000 && r.actual <= r.expected)).toBe(true)
      expect(results.some((r) => r.actual < r.expected)).toBe(true)
      await expect(demo(page, 'counter').getByRole('status')).toContainText(/^Lost [\d,]+ of 4,000,000 updates/)
      await expect(demo(page, 'counter').getByRole('status')).toContainText(why)
    })
  }

  for (const mode of ['lock', 'atomic'] as const) {
    test(`is exact with ${mode === 'lock' ? 'the lock' : 'Atomics.add'}`, async ({ page }) => {
      await page.goto(`${lesson}?demo=counter&mode=${mode}&workers=4&increments=1000000`)
      const result = await runDemo<CounterResult>(page, 'counter')
      expect(result).toMatchObject({ expected: 4_000_000, actual: 4_000_000 })
      await expect(demo(page, 'counter').getByRole('status')).toContainText('Exact: 4,000,000 of 4,000,000')
    })
  }

  test('keeps a table of recent runs to compare', async ({ page }) => {
    test.slow() // axe over this long page takes a while on a busy machine
    await page.goto(`${lesson}?demo=counter&workers=2&increments=100000`)
    const counter = demo(page, 'counter')
    await runDemo(page, 'counter')
    await counter.getByRole('radio', { name: 'with lock' }).check()
    await runDemo(page, 'counter')
    const rows = counter.getByRole('table', { name: 'Recent runs, newest first' }).getByRole('row')
    await expect(rows).toHaveCount(3)
    await expect(rows.filter({ hasText: 'with lock' })).toContainText('200,000')
    await expect(rows.filter({ hasText: 'with lock' })).toContainText('GIL')
    await expectAccessible(page)
  })

  test('Stop ends a long locked run and terminates every worker', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(`${lesson}?demo=counter&mode=lock&workers=8&increments=5000000`)
    const counter = demo(page, 'counter')
    await counter.getByRole('button', { name: /^Run/ }).click()
    await expect.poll(() => workers.alive).toBe(8)
    await stopRun(counter, workers)
  })
})

test.describe('the race stepper', () => {
  test('with the GIL, the other thread cannot step between LOAD and STORE, so no update is lost', async ({ page }) => {
    await page.goto(lesson)
    await ready(page, 'race-stepper')
    const stepper = demo(page, 'race-stepper')
    const stepB = stepper.getByRole('button', { name: 'Step thread B' })
    await stepper.getByRole('button', { name: 'Step thread A' }).click() // A: LOAD 0, and A holds the GIL
    await stepB.press('Enter')
    await expect(stepper.getByText('Thread B cannot step: thread A holds the GIL and keeps it until a switch point (⇄).')).toBeVisible()
    await expect(stepB).toHaveAccessibleDescription('Waiting for the GIL.')
    for (const key of ['a', 'a', 'b', 'b', 'b']) await page.keyboard.press(key)
    await expect(stepper).toHaveAttribute('data-state', 'done')
    expect(JSON.parse((await stepper.getAttribute('data-result'))!)).toMatchObject({ interpreter: 'gil', value: 2, lostUpdate: false, schedule: 'AAABBB' })
    await expect(stepper.getByRole('status')).toContainText('no switch point lies in between')
  })

  test('with a call inside the increment, reaches a lost update by keyboard alone, and undoes a step', async ({ page }) => {
    test.slow() // axe over this long page takes a while on a busy machine
    await page.goto(`${lesson}?demo=race-stepper&interpreter=gil-call`)
    await ready(page, 'race-stepper')
    const stepper = demo(page, 'race-stepper')
    await expect(stepper.getByRole('listitem').filter({ hasText: 'CALL add_one' }).first()).toContainText('(switch point)')
    await stepper.getByRole('button', { name: 'Step thread A' }).focus()
    await page.keyboard.press('Enter') // A: LOAD 0
    await page.keyboard.press('a') // A: CALL add_one: the GIL may change hands
    await page.keyboard.press('b') // B: LOAD 0
    await expect(stepper.getByText('Thread B loads value: it now holds 0.').first()).toBeVisible()
    for (const key of ['b', 'a', 'a', 'b', 'b']) await page.keyboard.press(key) // B: CALL; A: ADD, STORE 1; B: ADD, STORE 1
    await expect(stepper).toHaveAttribute('data-state', 'done')
    const result = JSON.parse((await stepper.getAttribute('data-result'))!) as { value: number; lostUpdate: boolean; schedule: string }
    expect(result).toMatchObject({ interpreter: 'gil-call', value: 1, lostUpdate: true, schedule: 'AABBAABB' })
    await expect(stepper.getByRole('status')).toContainText('Lost update!')
    await expect(stepper.getByText("overwriting thread A's update").first()).toBeVisible()

    await page.keyboard.press('u')
    await expect(stepper).toHaveAttribute('data-state', 'running')
    await expect(stepper.getByRole('list', { name: 'Steps so far' }).getByRole('listitem')).toHaveCount(7)
    await expectAccessible(page)
  })

  test('cannot lose an update with the lock: the other thread is blocked', async ({ page }) => {
    await page.goto(`${lesson}?demo=race-stepper&interpreter=free-threaded&lock=true`)
    await ready(page, 'race-stepper')
    const stepper = demo(page, 'race-stepper')
    const stepB = stepper.getByRole('button', { name: 'Step thread B' })
    await stepper.getByRole('button', { name: 'Step thread A' }).click() // A acquires the lock
    // Playwright will not click an aria-disabled button; a keyboard user can still press it.
    await stepB.press('Enter')
    await expect(stepper.getByText('Thread B cannot step: it is waiting for the lock, which thread A holds.')).toBeVisible()
    await expect(stepB).toHaveAttribute('aria-disabled', 'true')
    await expect(stepB).toHaveAccessibleDescription('Blocked: waiting for the lock.')
    for (const key of ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b']) await page.keyboard.press(key)
    await expect(stepper).toHaveAttribute('data-state', 'done')
    expect(JSON.parse((await stepper.getAttribute('data-result'))!)).toMatchObject({ lock: true, value: 2, lostUpdate: false })
    await expect(stepper.getByRole('status')).toContainText('no schedule loses an update')
  })
})

test('the semaphore never lets more tasks in than it has permits', async ({ page }) => {
  test.slow() // axe over this long page takes a while on a busy machine
  // Three turns of a second: the waiting tasks stay on screen long enough to be seen on a busy machine.
  await page.goto(`${lesson}?demo=semaphore&permits=2&tasks=6&seconds=1`)
  const semaphore = demo(page, 'semaphore')
  await semaphore.getByRole('button', { name: /^Run/ }).click()
  await expect(semaphore.getByRole('region', { name: 'Waiting for a permit' }).getByRole('listitem').first()).toBeVisible()
  await expect(semaphore).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
  const result = JSON.parse((await semaphore.getAttribute('data-result'))!) as { maxInside: number; tasks: number }
  expect(result).toEqual({ maxInside: 2, tasks: 6 })
  await expect(semaphore.getByRole('region', { name: 'Finished' }).getByRole('listitem')).toHaveCount(6)
  await expect(semaphore.getByRole('status')).toContainText('at most 2 inside at once')
  await expectAccessible(page)
})

test.describe('the deadlock demo', () => {
  test('hangs on opposite lock orders until the acquire timeout notices', async ({ page }) => {
    test.slow() // axe over this long page takes a while on a busy machine
    await page.goto(`${lesson}?demo=deadlock&order=opposite&timeout=2`)
    const deadlock = demo(page, 'deadlock')
    await deadlock.getByRole('button', { name: /^Run/ }).click()
    await expect(deadlock.getByText(/^A cycle: Thread 1 holds A and waits for B; Thread 2 holds B and waits for A/)).toBeVisible()
    await expect(deadlock).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    const result = JSON.parse((await deadlock.getAttribute('data-result'))!) as { deadlock: boolean; gaveUp: number; ms: number }
    expect(result.deadlock).toBe(true)
    expect(result.gaveUp).toBeGreaterThanOrEqual(1)
    expect(result.ms).toBeGreaterThanOrEqual(2_000)
    await expect(deadlock.getByRole('status')).toContainText('Without a timeout they would wait forever.')
    await expectAccessible(page)
  })

  test('runs clean when both threads take the locks in one global order', async ({ page }) => {
    await page.goto(`${lesson}?demo=deadlock&order=global&timeout=2`)
    const result = await runDemo<{ deadlock: boolean; gaveUp: number }>(page, 'deadlock')
    expect(result).toMatchObject({ deadlock: false, gaveUp: 0 })
    await expect(demo(page, 'deadlock').getByRole('status')).toContainText('No deadlock')
    await expect(demo(page, 'deadlock').getByText(/^A cycle/)).toHaveCount(0)
  })
})

test.describe('served without the cross-origin isolation headers', () => {
  test.beforeEach(({ page }) => withoutIsolation(page, lesson))

  test('the shared-memory demos explain why they cannot run, and the rest of the page works', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(lesson)
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false)
    for (const id of ['counter', 'semaphore', 'deadlock']) {
      // A demo says so once its code has loaded, as it nears the screen.
      await demoLive(page, id)
      await expect(demo(page, id).getByRole('note')).toContainText('only allow on cross-origin isolated pages')
    }
    const counter = demo(page, 'counter')
    await counter.getByRole('button', { name: /^Run/ }).click()
    await expect(counter).toHaveAttribute('data-state', 'error')
    await expect(counter.getByRole('alert')).toContainText('SharedArrayBuffer')
    expect(workers.started).toBe(0)

    // The race stepper needs no shared memory, and the questions still answer.
    const stepper = demo(page, 'race-stepper')
    await ready(page, 'race-stepper')
    await expect(stepper.getByRole('note')).toHaveCount(0)
    await stepper.getByRole('radio', { name: 'free-threaded CPython (3.13t, 3.14t)' }).check()
    await stepper.getByRole('button', { name: 'Step thread A' }).focus()
    for (const key of ['a', 'b', 'a', 'a', 'b', 'b']) await page.keyboard.press(key)
    await expect(stepper).toHaveAttribute('data-state', 'done')
    await expect(stepper.getByRole('status')).toContainText('Lost update!')
    const question = page.locator('[data-check="lock-reentry"]')
    await question.getByRole('radio', { name: /^True False\s+True True$/ }).check()
    await question.getByRole('button', { name: 'Check answer' }).click()
    await expect(question.getByText('Correct.')).toBeVisible()
    await expect(question).toContainText('only an RLock does that')
  })
})
