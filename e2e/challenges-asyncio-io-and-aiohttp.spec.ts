import { challenge, checkPython, editPython, expect, test } from './fixtures'

test.describe('aiohttp code challenges, checked by CPython on a virtual clock', () => {
  test('a timeout per request and a semaphore: wrong tries say what happened, right ones are solved, saved and kept', async ({ page }) => {
    test.setTimeout(180_000)
    await page.goto('/learn/asyncio-io-and-aiohttp')
    const timeout = challenge(page, 'timeout')
    await checkPython(timeout)
    await expect(timeout.locator('[data-verdict="unsolved"]')).toHaveText('Not yet. 5.0 s, not 0.5 s: the program waited 5.0 s for /slow to answer; give each request 0.5 s.')

    // One timeout around the whole gather loses every result.
    await editPython(timeout, (code) => code.replace('await asyncio.gather(*(fetch(url) for url in DELAYS))', 'await asyncio.wait_for(asyncio.gather(*(fetch(url) for url in DELAYS)), 0.5)'))
    await checkPython(timeout)
    await expect(timeout.locator('[data-verdict="unsolved"]')).toContainText("TimeoutError — an exception, raised at 0.5 s on the loop's clock: one timeout around the whole gather")
    await expect(timeout.getByRole('region', { name: 'What it printed' })).toContainText('TimeoutError')

    await editPython(timeout, (code) =>
      code
        .replace('asyncio.wait_for(asyncio.gather(*(fetch(url) for url in DELAYS)), 0.5)', 'asyncio.gather(*(fetch_or_none(url) for url in DELAYS))')
        .replace(
          'async def main():',
          'async def fetch_or_none(url):\n    try:\n        return await asyncio.wait_for(fetch(url), timeout=0.5)\n    except TimeoutError:\n        return None\n\n\nasync def main():',
        ),
    )
    await checkPython(timeout)
    await expect(timeout.locator('[data-verdict="solved"]')).toContainText("0.5 s on the loop's clock, not 5.0 s")
    await expect(timeout).toHaveAttribute('data-state', 'solved')

    const semaphore = challenge(page, 'semaphore')
    await checkPython(semaphore)
    await expect(semaphore.locator('[data-verdict="unsolved"]')).toHaveText("Not yet. 6 requests were in flight at once (at 0.0 s on the loop's clock), not at most 2.")
    await editPython(semaphore, (code) =>
      code
        .replace('(fetch(url) for url in URLS)', '(limited(semaphore, url) for url in URLS)')
        .replace('async def main():\n', 'async def limited(semaphore, url):\n    async with semaphore:\n        return await fetch(url)\n\n\nasync def main():\n    semaphore = asyncio.Semaphore(2)\n'),
    )
    await checkPython(semaphore)
    await expect(semaphore.locator('[data-verdict="solved"]')).toHaveText("Solved. 3.0 s on the loop's clock: never more than 2 requests in flight, and it printed all six results in order.")

    await page.reload()
    await expect(challenge(page, 'timeout')).toHaveAttribute('data-state', 'solved')
    await expect(challenge(page, 'semaphore')).toHaveAttribute('data-state', 'solved')
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText('2 of 2 challenges solved')
  })
})
