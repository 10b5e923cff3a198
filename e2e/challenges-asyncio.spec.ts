import { challenge, checkPython, editPython, expect, expectAccessible, test } from './fixtures'

test.describe('asyncio code challenges, checked by CPython on a virtual clock', () => {
  test('slow answers get their time on the loop\'s clock and why; right ones are solved, saved and kept', async ({ page }) => {
    test.setTimeout(180_000)
    await page.goto('/learn/asyncio')
    const overlap = challenge(page, 'overlap')
    await expect(overlap).toHaveAttribute('data-state', 'unsolved')
    await expect(overlap.getByRole('textbox', { name: 'Your Python' })).toHaveValue(/results = \[await fetch_data\(1\)/)

    await checkPython(overlap)
    await expect(overlap.locator('[data-verdict="unsolved"]')).toHaveText('Not yet. 3.0 s, not 1.0 s: the fetches still run one after another.')
    await expect(overlap.getByRole('region', { name: 'What it printed' })).toContainText("[10, 20, 30]")
    await expect(overlap).toHaveAttribute('data-state', 'unsolved')

    await editPython(overlap, (code) => code.replace(/\[await fetch_data\(1\), await fetch_data\(2\), await fetch_data\(3\)\]/, 'await asyncio.gather(fetch_data(1), fetch_data(2), fetch_data(3))'))
    await checkPython(overlap)
    await expect(overlap.locator('[data-verdict="solved"]')).toContainText("1.0 s on the loop's clock, not 3.0 s")
    await expect(overlap).toHaveAttribute('data-state', 'solved')

    const blocking = challenge(page, 'blocking')
    await checkPython(blocking)
    await expect(blocking.locator('[data-verdict="unsolved"]')).toHaveText(
      'Not yet. 2.0 s, not 1.0 s: time.sleep() froze the event loop for 2.0 s in all, and no other task runs while it does.',
    )
    await editPython(blocking, (code) => code.replace('    time.sleep(1)', '    await asyncio.sleep(1)'))
    await checkPython(blocking)
    await expect(blocking.locator('[data-verdict="solved"]')).toContainText('tea: start / coffee: start / tea: done / coffee: done')
    await expect(blocking).toHaveAttribute('data-state', 'solved')
    await expectAccessible(page)

    await page.reload()
    await expect(challenge(page, 'overlap')).toHaveAttribute('data-state', 'solved')
    await expect(challenge(page, 'blocking')).toHaveAttribute('data-state', 'solved')
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('2 of 2 challenges solved')
  })

  test('an error shows CPython\'s traceback and marks its line; an endless loop is stopped, saying so', async ({ page }) => {
    test.setTimeout(180_000)
    await page.goto('/learn/asyncio')
    const overlap = challenge(page, 'overlap')
    await editPython(overlap, (code) => code.replace('    print(results)', '    print(result)'))
    await checkPython(overlap)
    // Python 3.12+ adds a suggestion ("Did you mean: 'results'?"); the browser runs 3.14.
    await expect(overlap.locator('[data-verdict="unsolved"]')).toHaveText(
      /^Not yet\. NameError: name 'result' is not defined(\. Did you mean: 'results'\?)? — an exception, raised at 3\.0 s on the loop's clock\. The traceback is under the code\.$/,
    )
    const printed = overlap.getByRole('region', { name: 'What it printed' })
    await expect(printed).toContainText('File "main.py", line 11, in main')
    await expect(printed).toContainText("NameError: name 'result' is not defined")
    await expect(overlap.getByRole('textbox', { name: 'Your Python' })).toHaveAttribute('aria-invalid', 'true')

    await editPython(overlap, (code) => code.replace('asyncio.run(main())', 'while True: pass'))
    await checkPython(overlap)
    await expect(overlap.locator('[data-verdict="unsolved"]')).toHaveText(
      'Not yet. Stopped after 200,000 steps of the program: it computes for ever (or far too long) without finishing.',
    )
    await overlap.getByRole('button', { name: 'Start again' }).click()
    await expect(overlap.getByRole('textbox', { name: 'Your Python' })).toHaveValue(/results = \[await fetch_data\(1\)/)
    await expect(overlap).toHaveAttribute('data-state', 'unsolved')
  })
})
