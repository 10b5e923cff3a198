import traces from '../components/demos/event-loop/asyncio-traces.json'
import { demo, expect, expectAccessible, runDemo, test, trackWorkers } from './fixtures'

const lesson = '/learn/asyncio'

type EventLoopResult = { example: string; steps: number; seconds: number; output: string[]; trace: string[] }

test.describe('the event loop visualizer', () => {
  test('runs the notes’ fetch_data, gathered three times, in the order CPython’s asyncio does', async ({ page }) => {
    await page.goto(`${lesson}?demo=event-loop&speed=10`)
    const result = await runDemo<EventLoopResult>(page, 'event-loop', 60_000)
    expect(result.example).toBe('gather')
    expect(result.trace).toEqual(traces.gather)
    expect(result.seconds).toBe(1)
    expect(result.output).toEqual(["[{'data': 'sample'}, {'data': 'sample'}, {'data': 'sample'}]"])
    const loop = demo(page, 'event-loop')
    await expect(loop.getByRole('status')).toContainText('done after 1.0 s of loop time')
    await expect(loop.getByRole('region', { name: 'Output' })).toContainText("[{'data': 'sample'}")
    await expectAccessible(page)
  })

  test('steps one scheduler event at a time, from the keyboard, and steps back', async ({ page }) => {
    await page.goto(lesson)
    const loop = demo(page, 'event-loop')
    const ready = loop.getByRole('region', { name: /Ready queue/ }).getByRole('listitem')
    const step = loop.getByRole('button', { name: 'Step' })
    // Keys pressed before the page hydrates are lost.
    await expect(loop.getByRole('button', { name: /^Run/ })).toBeEnabled()
    await step.focus()
    await page.keyboard.press('Enter')
    await expect(loop).toHaveAttribute('data-state', 'running')
    await expect(loop.getByText('asyncio.run(main()) wraps it in Task-1')).toBeVisible()
    await expect(ready).toHaveText(['Task-1.__step()'])

    await page.keyboard.press('Enter')
    await expect(loop.getByText('Task-1.__step() runs: main() starts')).toBeVisible()
    await expect(ready).toHaveCount(0)
    await expect(loop.getByRole('region', { name: 'Running now' })).toContainText('Task-1 in main()')

    await page.keyboard.press('Enter')
    await expect(loop.getByText(/gather wraps each coroutine in a task \(Task-2, Task-3, Task-4\)/)).toBeVisible()
    await expect(ready).toHaveText(['Task-2.__step()', 'Task-3.__step()', 'Task-4.__step()'])
    await expect(loop.getByRole('row', { name: /^Task-2 / })).toContainText('created, not started')

    await loop.getByRole('button', { name: 'Back' }).click()
    await expect(loop.getByText('Task-1.__step() runs: main() starts')).toBeVisible()
    await expect(loop.getByText('Step 1 of 2')).toBeVisible()

    await loop.getByRole('radio', { name: '10×' }).check()
    await loop.getByRole('button', { name: 'Play' }).click()
    await expect(loop).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
    const result = JSON.parse((await loop.getAttribute('data-result'))!) as EventLoopResult
    expect(result.trace).toEqual(traces.gather)
  })

  const others: [string, string, number, string][] = [
    ['sequential', 'sequential awaits take three seconds in one task', 3, "[{'data': 'sample'}, {'data': 'sample'}, {'data': 'sample'}]"],
    ['create_task', 'create_task prints before any task starts', 1, 'three tasks created; none has started yet'],
    ['blocking', 'a blocking step delays the heartbeat by 1.2 s', 3.2, '1.7 s: beat 1'],
  ]
  for (const [example, title, seconds, printed] of others) {
    test(title, async ({ page }) => {
      await page.goto(`${lesson}?demo=event-loop&example=${example}&speed=10`)
      const result = await runDemo<EventLoopResult>(page, 'event-loop', 60_000)
      expect(result.trace).toEqual(traces[example as keyof typeof traces])
      expect(result.seconds).toBe(seconds)
      expect(result.output).toContain(printed)
    })
  }
})

test.describe('the tasks demo', () => {
  type TasksResult = { pattern: string; ms: number; log: string[] }

  test('gather runs three fetches in about the time of one', async ({ page }) => {
    await page.goto(`${lesson}?demo=tasks&pattern=gather&work=600`)
    const result = await runDemo<TasksResult>(page, 'tasks')
    expect(result.log.slice(0, 3)).toEqual(['fetch 1 starts', 'fetch 2 starts', 'fetch 3 starts'])
    expect(result.ms).toBeGreaterThanOrEqual(600)
    expect(result.ms).toBeLessThan(1500)
    await expect(demo(page, 'tasks').getByRole('region', { name: 'Log' })).toContainText('Promise.all returned')
  })

  test('a promise starts before create_task’s twin returns, unlike a Python task', async ({ page }) => {
    await page.goto(`${lesson}?demo=tasks&pattern=create_task&work=200`)
    const result = await runDemo<TasksResult>(page, 'tasks')
    expect(result.log.slice(0, 2)).toEqual(['fetch 1 starts', 'promise created'])
    await expect(demo(page, 'tasks').getByText('In Python, create_task only schedules the coroutine')).toBeVisible()
  })

  test('wait_for’s timeout cancels the slow fetch; cancel reaches the task, then its caller', async ({ page }) => {
    await page.goto(`${lesson}?demo=tasks&pattern=wait_for&work=800&timeout=100`)
    expect((await runDemo<TasksResult>(page, 'tasks')).log).toEqual(['fetch 1 starts', 'fetch 1 cancelled', 'timed out after 0.1 s'])
    await page.goto(`${lesson}?demo=tasks&pattern=cancel&work=800&timeout=100`)
    expect((await runDemo<TasksResult>(page, 'tasks')).log).toEqual([
      'fetch 1 starts',
      'main: cancel requested',
      'fetch 1 cancelled',
      'main: the task ended with AbortError',
    ])
  })
})

test.describe('run the real Python', () => {
  type PythonResult = { stdout: string; ms: number; loadMs: number }

  test('loads CPython in a worker when asked, runs the notes’ coroutines, and explains what cannot run', async ({ page }) => {
    // The first load downloads Python and restores it from its snapshot: 1–2 s on two idle cores, more when busy.
    test.setTimeout(300_000)
    const workers = trackWorkers(page)
    await page.goto(lesson)
    const python = demo(page, 'python')
    await expect(python.getByRole('textbox', { name: /Python code/ })).toHaveValue(/async def fetch_data\(\):/)
    expect(workers.started).toBe(0)

    await python.getByRole('button', { name: /^Run/ }).click()
    await expect(python.getByText(/Downloading Python|Starting the interpreter/)).toBeVisible()
    await expect(python).toHaveAttribute('data-state', 'done', { timeout: 240_000 })
    const result = JSON.parse((await python.getAttribute('data-result'))!) as PythonResult
    expect(result.stdout).toMatch(/^gathering three fetches\.\.\.\n\[\{'data': 'sample'\}, \{'data': 'sample'\}, \{'data': 'sample'\}\]\ntook 1\.\d s$/)
    expect(result.ms).toBeGreaterThanOrEqual(1000)
    expect(result.loadMs).toBeGreaterThan(0)
    await expect(python.getByRole('log')).toContainText("[{'data': 'sample'}")
    await expect(python.getByText(/Python 3\.\d+\.\d+ \(Pyodide/)).toBeVisible()
    expect(workers.started).toBe(1)

    // The same worker runs the next program: no second download.
    await python.getByRole('radio', { name: 'threads' }).check()
    await expect(python.getByRole('textbox', { name: /Python code/ })).toHaveValue(/threading\.Thread/)
    await python.getByRole('button', { name: /^Run/ }).click()
    await expect(python).toHaveAttribute('data-state', 'error', { timeout: 60_000 })
    await expect(python.getByRole('alert')).toContainText("RuntimeError: can't start new thread")
    await expect(python.getByRole('alert')).toContainText('one thread of a Web Worker')
    await python.getByRole('radio', { name: 'processes' }).check()
    await expect(python.getByRole('textbox', { name: /Python code/ })).toHaveValue(/with Pool\(4\) as pool:/)
    await python.getByRole('button', { name: /^Run/ }).click()
    await expect(python).toHaveAttribute('data-state', 'error', { timeout: 60_000 })
    await expect(python.getByRole('alert')).toContainText('A web page cannot start operating-system processes')
    expect(workers.started).toBe(1)
    await expectAccessible(page)

    // Edited code runs, and its output streams in as it is printed.
    const editor = python.getByRole('textbox', { name: /Python code/ })
    await editor.fill('import asyncio\nprint("first")\nasyncio.run(asyncio.sleep(5))\nprint("second")')
    await editor.press('Control+Enter')
    await expect(python.getByRole('log')).toContainText('first')
    await expect(python.getByRole('log')).not.toContainText('second')
    await expect(python).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    expect(JSON.parse((await python.getAttribute('data-result'))!)).toMatchObject({ stdout: 'first\nsecond', loadMs: 0 })

    // Stop ends the worker, even in a blocking call.
    await python.getByRole('radio', { name: 'a blocking call' }).check()
    await python.getByRole('button', { name: /^Run/ }).click()
    await expect(python.getByRole('log')).toContainText('the loop is frozen', { timeout: 30_000 })
    await python.getByRole('button', { name: 'Stop' }).click()
    await expect(python).toHaveAttribute('data-state', 'idle')
    await expect.poll(() => workers.alive).toBe(0)
  })

  test('a blocking time.sleep freezes the loop: the heartbeat is late', async ({ page }) => {
    test.setTimeout(300_000)
    await page.goto(`${lesson}?demo=python&example=blocking&run=1`)
    const python = demo(page, 'python')
    await expect(python).toHaveAttribute('data-state', 'done', { timeout: 240_000 })
    const { stdout } = JSON.parse((await python.getAttribute('data-result'))!) as PythonResult
    const beat1 = Number(/([\d.]+) s beat 1/.exec(stdout)![1])
    // Without the block, beat 1 would come at 0.5 s.
    expect(beat1).toBeGreaterThanOrEqual(1.6)
    expect(stdout.indexOf('awake')).toBeLessThan(stdout.indexOf('beat 1'))
  })
})
