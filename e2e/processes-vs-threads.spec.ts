import type { Page } from '@playwright/test'
import { demo, expect, expectAccessible, expectRefusal, runDemo, test, trackWorkers } from './fixtures'

const lesson = '/learn/processes-vs-threads'

type GilResult = {
  mode: string
  workload: string
  workers: number
  ms: number
  speedup: number
  baselineMs: number
  cores: number
  gilWaitMs: number | null
}
type StartupResult = { repetitions: number; startMs: number; messageMs: number; callUs: number; ratio: number }
type MemoryResult = {
  copied: { page: number[]; worker: number[] }
  shared: { page: number[]; worker: number[] }
  mb: number
  copyMs: number
  transferMs: number
  shareMs: number
}

/**
 * Runs the GIL lab with two workers (the demo times one worker before and after, the faster being
 * the baseline) until `holds` accepts the speedup, at most three times: on two cores, anything else
 * the machine does during a half-second run shows in it. Returns every run.
 */
async function gil(page: Page, mode: 'threads' | 'processes', workload: 'cpu' | 'io', holds: (speedup: number) => boolean) {
  await page.goto(`${lesson}?demo=gil&mode=${mode}&workload=${workload}&workers=2`)
  const results: GilResult[] = []
  while (results.length < 3 && !results.some((r) => holds(r.speedup))) {
    const result = await runDemo<GilResult>(page, 'gil', 90_000)
    expect(result).toMatchObject({ mode, workload, workers: 2 })
    expect(result.cores).toBeGreaterThanOrEqual(2)
    results.push(result)
  }
  return results.map((r) => r.speedup)
}

test.describe('the GIL lab', () => {
  test('CPU-bound threads take turns with the GIL: no speedup', async ({ page }) => {
    const speedups = await gil(page, 'threads', 'cpu', (x) => x < 1.25)
    expect(Math.min(...speedups)).toBeLessThan(1.25)
    const lab = demo(page, 'gil')
    await expect(lab.getByRole('status')).toContainText('Only the thread holding the GIL computes')
    await expect(lab.getByRole('figure', { name: /Who held a GIL when/ })).toBeVisible()
    // Each run is in the table, and the baseline, timed before the first run and after it.
    await expect(lab.getByRole('table').getByRole('row')).toHaveCount(3 + speedups.length)
    await expectAccessible(page)
  })

  test('CPU-bound processes, a GIL each, run in parallel', async ({ page }) => {
    const speedups = await gil(page, 'processes', 'cpu', (x) => x > 1.5)
    expect(Math.max(...speedups)).toBeGreaterThan(1.5)
  })

  test('I/O-bound threads release the GIL while they wait, so the waits overlap', async ({ page }) => {
    const speedups = await gil(page, 'threads', 'io', (x) => x > 1.6)
    expect(Math.max(...speedups)).toBeGreaterThan(1.6)
    await expect(demo(page, 'gil').getByRole('status')).toContainText('does not hold the GIL')
  })

  test('mixed: I/O threads wait for the GIL behind a CPU-bound thread; as processes they do not', async ({ page }) => {
    await page.goto(`${lesson}?demo=gil&mode=threads&workload=mixed&workers=3`)
    const lab = demo(page, 'gil')
    const threads = await runDemo<GilResult>(page, 'gil', 90_000)
    expect(threads).toMatchObject({ mode: 'threads', workload: 'mixed', workers: 3 })
    expect(threads.gilWaitMs).toEqual(expect.any(Number))
    await expect(lab.getByRole('status')).toContainText('it must get the GIL back from the CPU-bound thread')
    await expect(lab.getByRole('status')).toContainText('getting the GIL back took')
    const timeline = lab.getByRole('figure', { name: /Who held a GIL when/ })
    await expect(timeline.getByText('thread 1: CPU')).toBeVisible()
    await expect(timeline.getByText('thread 3: I/O')).toBeVisible()
    await expect(lab.getByRole('list', { name: 'Legend' })).toContainText('back from I/O, waiting for the GIL')
    await expect(lab.getByRole('columnheader', { name: 'GIL wait after I/O' })).toBeVisible()

    await lab.getByRole('radio', { name: /processes/ }).check()
    const processes = await runDemo<GilResult>(page, 'gil', 90_000)
    expect(processes).toMatchObject({ mode: 'processes', workload: 'mixed', workers: 3 })
    await expect(lab.getByRole('status')).toContainText('delays nobody')
    await expect(lab.getByRole('figure', { name: /Who held a GIL when/ }).getByText('process 1: CPU')).toBeVisible()
    // A GIL each: nobody holds an I/O worker's GIL when its wait ends.
    expect(processes.gilWaitMs!).toBeLessThan(threads.gilWaitMs!)
    await expectAccessible(page)
  })

  test('shows each worker live, and Stop ends every worker', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(`${lesson}?demo=gil&mode=threads&workload=cpu&workers=1`)
    const lab = demo(page, 'gil')
    await lab.getByRole('button', { name: /^Run/ }).click()
    await expect(lab.getByRole('list', { name: 'Each worker now' }).getByRole('listitem')).toHaveCount(1)
    await expect(lab.getByText('running Python')).toBeVisible()
    await lab.getByRole('button', { name: 'Stop' }).click()
    await expect(lab).toHaveAttribute('data-state', 'idle')
    await expect.poll(() => workers.alive).toBe(0)
  })

  test('leaving the page mid-run ends every worker', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(`${lesson}?demo=gil&mode=processes&workload=cpu&workers=4`)
    const lab = demo(page, 'gil')
    await lab.getByRole('button', { name: /^Run/ }).click()
    await expect(lab.getByText('running Python').first()).toBeVisible()
    // Client-side navigation: the page stays, only the lesson unmounts.
    await page.getByRole('link', { name: 'Concurrency Lab' }).click()
    await expect(page).toHaveURL('/')
    await expect.poll(() => workers.alive).toBe(0)
  })

  test('refuses a bad worker count, and runs nothing', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(`${lesson}?demo=gil&workers=9&run=1`)
    const lab = demo(page, 'gil')
    await expect(lab.getByText('9 is above the maximum, 8.')).toBeVisible()
    await lab.getByRole('radio', { name: /processes/ }).check()
    await expectRefusal(lab, workers)
  })
})

test.describe('the start-up demo', () => {
  test('starting a worker costs more than messaging one, far more than a call; every worker is ended', async ({ page }) => {
    const workers = trackWorkers(page)
    await page.goto(`${lesson}?demo=startup&repetitions=5`)
    const result = await runDemo<StartupResult>(page, 'startup')
    expect(result.repetitions).toBe(5)
    expect(result.startMs).toBeGreaterThan(result.messageMs)
    expect(result.callUs / 1000).toBeLessThan(result.messageMs)
    expect(result.ratio).toBeGreaterThan(100)
    const startup = demo(page, 'startup')
    await expect(startup.getByRole('table').getByRole('row')).toHaveCount(6)
    await expect(startup.getByRole('status')).toContainText('(median of 5)')
    expect(workers.started).toBe(5)
    await expect.poll(() => workers.alive).toBe(0)
  })

  test('refuses a malformed repetition count', async ({ page }) => {
    await page.goto(`${lesson}?demo=startup&repetitions=ten`)
    const startup = demo(page, 'startup')
    await expect(startup.getByText('“ten” is not a whole number. Use 1 to 30.')).toBeVisible()
    await startup.getByRole('button', { name: /^Run/ }).click()
    await expect(startup).toHaveAttribute('data-state', 'idle')
  })
})

test.describe('the memory demo', () => {
  test('a copied array stays the page’s own; a shared one changes; copy, transfer and share are timed', async ({ page }) => {
    await page.goto(`${lesson}?demo=memory&mb=8`)
    const result = await runDemo<MemoryResult>(page, 'memory')
    expect(result.copied).toEqual({ page: [1, 2, 3, 4], worker: [2, 4, 6, 8] })
    expect(result.shared.page).toEqual([2, 4, 6, 8])
    expect(result.mb).toBe(8)
    const memory = demo(page, 'memory')
    await expect(memory.getByText('[1, 2, 3, 4] (unchanged)')).toBeVisible()
    await expect(memory.getByText('[2, 4, 6, 8] (changed)')).toBeVisible()
    await expect(memory.getByText("moved, not copied: the page's buffer now holds 0 bytes")).toBeVisible()
    await expectAccessible(page)
  })

  test('refuses a buffer over the limit', async ({ page }) => {
    await page.goto(`${lesson}?demo=memory&mb=512`)
    const memory = demo(page, 'memory')
    await expect(memory.getByText('512 is above the maximum, 128.')).toBeVisible()
    await memory.getByRole('button', { name: /^Run/ }).click()
    await expect(memory).toHaveAttribute('data-state', 'idle')
  })
})

test('the comparison table names each model’s memory, overhead and use', async ({ page }) => {
  await page.goto(lesson)
  const table = page.getByRole('table').filter({ hasText: 'Browser analogue' })
  for (const row of ['Memory space', 'Overhead', 'Runs in parallel', 'Best for', 'Python API', 'Browser analogue']) {
    await expect(table.getByRole('row', { name: new RegExp(`^${row}`) })).toBeVisible()
  }
})
