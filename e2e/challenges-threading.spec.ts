import type { Locator } from '@playwright/test'
import { challenge, expect, expectAccessible, expectKeptAfterReload, liveChallenge, test } from './fixtures'


/** Runs threads by their buttons: "T1 T2 T1". */
async function run(root: Locator, schedule: string) {
  for (const name of schedule.split(' ')) await root.getByRole('button', { name: `Run ${name}`, exact: true }).click()
}

const verdict = (root: Locator) => root.locator('[data-verdict]')

test.describe('Scheduler challenges: threading', () => {
  test('a visit is lost when both threads read before either stores; solved, saved and kept', async ({ page }) => {
    // Many steps, then axe on a long lesson page.
    test.slow()
    await page.goto('/learn/threading')
    const root = await liveChallenge(page, 'lost-visit')
    await expect(root).toHaveAttribute('data-state', 'unsolved')
    await expect(root.getByRole('list', { name: 'The bytecode T1 and T2 run' })).toContainText('STORE_GLOBAL visits')

    await run(root, 'T1 T1 T2 T2')
    await expect(verdict(root)).toHaveText(
      'Not yet. visits is 2: each thread read visits after the other had stored its update. To lose one, both threads must read visits before either stores.',
    )
    await expect(root).toHaveAttribute('data-state', 'unsolved')

    await root.getByRole('button', { name: 'Start over' }).click()
    await run(root, 'T1 T2 T1 T2')
    await expect(verdict(root)).toHaveText("Solved. visits is 1, not 2: T1 and T2 both read visits as 0 before either stored, so T2's store of 1 wrote over T1's.")
    await expect(root).toHaveAttribute('data-state', 'solved')
    await expectAccessible(page)

    await expectKeptAfterReload(page, 'lost-visit')
    await expect(challenge(page, 'oversell')).toHaveAttribute('data-state', 'unsolved')
  })

  test('the last item sells twice, scheduled from the keyboard', async ({ page }) => {
    await page.goto('/learn/threading')
    const root = await liveChallenge(page, 'oversell')
    await root.getByRole('button', { name: 'Run T1', exact: true }).focus()
    for (const key of ['1', '1', '2']) await page.keyboard.press(key)
    await expect(verdict(root)).toHaveText(/^Not yet\. stock is 0, and only one thread bought/)
    await expect(root.getByText('Finished.')).toHaveCount(2)

    await page.keyboard.press('u')
    await page.keyboard.press('u')
    await expect(root.getByRole('list', { name: 'Steps so far' }).getByRole('listitem')).toHaveCount(1)
    for (const key of ['2', '1', '2']) await page.keyboard.press(key)
    await expect(verdict(root)).toHaveText('Solved. stock is -1 after T2 ran ‘stock -= 1’: it checked ‘stock > 0’ while T1 was between its check and its decrement.')
    await expect(root.getByRole('region', { name: 'Shared by the threads' })).toContainText('stock: -1')
    await expect(root).toHaveAttribute('data-state', 'solved')
  })
})

test.describe('Scheduler challenges: thread safety', () => {
  test('a lock around the decrement alone gets a counterexample to replay; around the whole if, every schedule holds', async ({ page }) => {
    // Many steps, then axe on a long lesson page.
    test.slow()
    await page.goto('/learn/thread-safety')
    const root = await liveChallenge(page, 'place-the-lock')
    await root.getByRole('checkbox', { name: /stock -= 1/ }).check()
    await expect(root.getByText('Every thread runs:')).toBeVisible()
    await root.getByRole('button', { name: 'Check every schedule' }).click()
    await expect(verdict(root)).toHaveText(
      'Not yet. With the lock around line 5, 8 of 12 schedules with the GIL break it. The shortest, T1 T2 T1 T2: stock is -1 after T2 ran ‘stock -= 1’: it checked ‘stock > 0’ while T1 was between its check and its decrement. Replay it below.',
    )
    for (const name of ['T1', 'T2', 'T1', 'T2']) await root.getByRole('button', { name: `Next step: ${name}` }).click()
    await expect(root.getByRole('region', { name: 'Shared by the threads' })).toContainText('stock: -1')
    await expect(root).toHaveAttribute('data-state', 'unsolved')

    await root.getByRole('checkbox', { name: /if stock > 0/ }).check()
    await expect(root.getByText('The lines under ‘with lock:’ must be next to each other.')).toBeVisible()
    await root.getByRole('checkbox', { name: /print\("buying/ }).check()
    await root.getByRole('button', { name: 'Check every schedule' }).click()
    await expect(verdict(root)).toHaveText(
      'Solved. No schedule breaks it: all 12 schedules with the GIL and all 414,834 free-threaded (a switch after any instruction) end with stock = 0, as when the threads run one after the other.',
    )
    await expect(root.getByRole('list', { name: 'Schedules checked' })).toContainText('none breaks it')
    await expectAccessible(page)

    await expectKeptAfterReload(page, 'place-the-lock')
  })

  test('lines that are not whole statements are refused, with the reason', async ({ page }) => {
    await page.goto('/learn/thread-safety')
    const root = await liveChallenge(page, 'place-the-lock-visits')
    await root.getByRole('checkbox', { name: /n = visits \+ 1/ }).check()
    await root.getByRole('checkbox', { name: /visits = n$/ }).check()
    await root.getByRole('button', { name: 'Check every schedule' }).click()
    await expect(verdict(root)).toHaveText('Not yet. The lines under ‘with lock:’ must be next to each other.')
  })

  test('two transfers deadlock when each takes its first lock before either takes its second', async ({ page }) => {
    await page.goto('/learn/thread-safety')
    const root = await liveChallenge(page, 'deadlock')
    await run(root, 'T1 T1 T1 T1 T1 T2 T2 T2 T2 T2')
    await expect(verdict(root)).toHaveText(/^Not yet\. Both transfers went through \(T1 and T2\)/)
    await root.getByRole('button', { name: 'Start over' }).click()
    await run(root, 'T1 T2 T1 T2')
    await expect(verdict(root)).toHaveText('Solved. Deadlock: T1 holds lock_a and waits for lock_b; T2 holds lock_b and waits for lock_a. Neither can ever run again.')
    await expect(root.getByText('Waiting for lock_b, which T2 holds.')).toBeVisible()
    await expectKeptAfterReload(page, 'deadlock')
  })

  test('a Semaphore released twice lets two in; a BoundedSemaphore raises ValueError instead', async ({ page }) => {
    // Many steps, then axe on a long lesson page.
    test.slow()
    await page.goto('/learn/thread-safety')
    const root = await liveChallenge(page, 'double-release')
    await root.getByRole('radio', { name: 'BoundedSemaphore(1)' }).check()
    await run(root, 'T1 T1 T1 T1 T1 T1 T1')
    await expect(root.getByText('Ended: ValueError: Semaphore released too many times')).toBeVisible()
    await run(root, 'T2 T2 T2 T2 T2 T2 T2 T3 T3 T3 T3 T3 T3 T3')
    await expect(verdict(root)).toHaveText(/^Not yet\. T1, T2 and T3 raised ValueError: Semaphore released too many times: a BoundedSemaphore refuses the extra release/)

    await root.getByRole('radio', { name: 'Semaphore(1)', exact: true }).check()
    await run(root, 'T1 T1 T1 T1 T1 T1 T1 T2 T2 T2 T3 T3 T3')
    await expect(verdict(root)).toHaveText(/^Solved\. 2 threads are inside a Semaphore\(1\) at once: T1 released it twice/)
    await expect(root).toHaveAttribute('data-state', 'solved')
    await expectAccessible(page)
  })

  test('in presenter mode, the deadlock challenge is a slide and plays from the keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto('/learn/thread-safety')
    await page.getByRole('button', { name: 'Present' }).click()
    const root = challenge(page, 'deadlock')
    for (let i = 0; i < 60 && !(await root.isVisible()); i++) await page.keyboard.press('ArrowRight')
    await expect(root.locator('[data-lazy-demo]')).toHaveAttribute('data-lazy-demo', 'live')
    await root.getByRole('button', { name: 'Run T1', exact: true }).focus()
    for (const key of ['1', '2', '1', '2']) await page.keyboard.press(key)
    await expect(root).toHaveAttribute('data-state', 'solved')
    await expect(root.locator('[data-verdict]')).toHaveText(/^Solved\. Deadlock: T1 holds lock_a and waits for lock_b/)
  })
})
