import { expect, expectAccessible, expectKeptAfterReload, liveChallenge, test } from './fixtures'

test.describe('Processes, pipes and queues challenges', () => {
  // Each check times real work, twice or more, on a machine that may be busy.
  test.describe.configure({ timeout: 150_000 })

  test('end A against the real B: receiving first deadlocks, closing is not None, send-recv-None is solved and kept', async ({ page }) => {
    await page.goto('/learn/processes-pipes-queues')
    const challenge = await liveChallenge(page, 'pipe-ping-pong')
    const run = challenge.getByRole('button', { name: 'Run A against B' })
    const line = (name: string) => challenge.getByRole('combobox', { name })

    // As it starts: recv() before send(n), nothing after the loop.
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toHaveText(
      'Not yet. A received []; then A and B were both waiting in recv(), each for the other to send: a deadlock, and the program would hang. One end has to send first.',
      { timeout: 20_000 },
    )

    await line('Loop, line 1').selectOption('conn.send(n)')
    await line('Loop, line 2').selectOption('reply = conn.recv()')
    await line('After the loop').selectOption('conn.close()')
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText("A got all 3 squares, but B's recv() raised EOFError", { timeout: 20_000 })
    await expectAccessible(page)

    await line('After the loop').selectOption('conn.send(None)')
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toHaveText('Solved. A got the 3 squares [0, 1, 4], then sent None; B answered 3 numbers and returned.', { timeout: 20_000 })
    await expect(challenge).toHaveAttribute('data-state', 'solved')

    await expectKeptAfterReload(page, 'pipe-ping-pong')
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('1 of 2 challenges solved')
  })

  test('the real queue workers: a None short leaves a consumer blocked; one per consumer after the producers is solved and kept', async ({ page }) => {
    await page.goto('/learn/processes-pipes-queues')
    const challenge = await liveChallenge(page, 'queue-sentinels')
    const sentinels = challenge.getByRole('textbox', { name: 'How many None the parent puts' })
    const run = challenge.getByRole('button', { name: 'Run the program' })

    await sentinels.fill('2')
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toHaveText(
      'Not yet. 2 None after joining the producers: 12 of 12 items consumed, 2 of 3 consumers exited. 1 consumer is still blocked in get() on an empty queue, and join() would wait forever: each consumer needs a None of its own.',
      { timeout: 30_000 },
    )

    await sentinels.fill('3')
    await challenge.getByRole('combobox', { name: 'When it puts them' }).selectOption('as soon as the producers start')
    await run.click()
    await expect(challenge.locator('[data-verdict="unsolved"]')).toContainText('The None went into the queue ahead of the items, so consumers stopped early', { timeout: 30_000 })

    await challenge.getByRole('combobox', { name: 'When it puts them' }).selectOption('after joining the producers')
    await run.click()
    await expect(challenge.locator('[data-verdict="solved"]')).toHaveText(
      'Solved. 3 None after joining the producers: 12 of 12 items consumed, 3 of 3 consumers exited, each after its own None. Nothing was left in the queue.',
      { timeout: 30_000 },
    )
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible(page)

    await expectKeptAfterReload(page, 'queue-sentinels')
  })
})
