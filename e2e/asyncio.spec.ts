import traces from '../components/demos/event-loop/asyncio-traces.json'
import { demo, expect, expectAccessible, runDemo, test, trackWorkers } from './fixtures'

const lesson = '/learn/asyncio'

type EventLoopResult = { example: string | null; engine: string; steps: number; seconds: number; output: string[]; stdout: string; trace: string[] }

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

test.describe('tracing your own program in CPython', () => {
  // The first traced run downloads Python and starts it from its snapshot: seconds on two idle cores, more when busy.
  test.describe.configure({ timeout: 300_000 })
  const traced = { timeout: 240_000 }

  const twoSleeps = `import asyncio


async def nap(name, seconds):
    await asyncio.sleep(seconds)
    print(name, 'woke')
    return name


async def main():
    names = await asyncio.gather(nap('a', 1), nap('b', 2))
    print(names)


asyncio.run(main())
`

  test('plays an edited program as CPython ran it, on a virtual clock', async ({ page }) => {
    await page.goto(`${lesson}?demo=event-loop&speed=10`)
    const loop = demo(page, 'event-loop')
    const editor = loop.getByRole('textbox', { name: /Python code/ })
    await expect(editor).toHaveValue(/async def fetch_data\(\):/)
    await editor.fill(twoSleeps)
    await expect(loop.getByText(/runs in CPython \(Pyodide\)/)).toBeVisible()
    await loop.getByRole('button', { name: /^Run/ }).click()
    await expect(loop.getByText(/Downloading Python|Starting the interpreter|Running your program in CPython/)).toBeVisible()
    await expect(loop).toHaveAttribute('data-state', 'done', traced)
    const result = JSON.parse((await loop.getAttribute('data-result'))!) as EventLoopResult
    expect(result).toMatchObject({ example: null, engine: 'cpython', seconds: 2, stdout: "a woke\nb woke\n['a', 'b']" })
    expect(result.trace).toEqual([
      '0.0 step Task-1',
      '0.0 step Task-2',
      '0.0 step Task-3',
      '1.0 timer Task-2',
      '1.0 wakeup Task-2',
      '1.0 print a woke',
      '1.0 gather Task-2',
      '2.0 timer Task-3',
      '2.0 wakeup Task-3',
      '2.0 print b woke',
      '2.0 gather Task-3',
      '2.0 wakeup Task-1',
      "2.0 print ['a', 'b']",
      '2.0 stop',
    ])
    expect(result.steps).toBeGreaterThan(result.trace.length)
    await expect(loop.getByText(`Step ${result.steps} The loop has stopped`)).toBeVisible()
    await expect(loop.getByRole('region', { name: 'Output' })).toContainText("['a', 'b']")
    await expect(loop.getByRole('row', { name: /^Task-3 / })).toContainText("'b'")
    await expect(loop.getByRole('status')).toContainText('traced in CPython: done after 2.0 s of loop time')

    // The example comes back, and runs on the TypeScript scheduler again.
    await loop.getByRole('button', { name: 'Put back the example' }).click()
    await expect(editor).toHaveValue(/async def fetch_data\(\):/)
    await loop.getByRole('button', { name: /^Run/ }).click()
    await expect(loop).toHaveAttribute('data-state', 'done', { timeout: 60_000 })
    expect(JSON.parse((await loop.getAttribute('data-result'))!)).toMatchObject({ example: 'gather', engine: 'scheduler', trace: traces.gather })
    await expectAccessible(page)
  })

  test('a preset link carries the program; time.sleep freezes the loop while the clock runs on', async ({ page }) => {
    const program = `import asyncio
import time


async def heartbeat():
    for beat in range(3):
        print(f'{time.perf_counter():.1f} s: beat {beat}')
        await asyncio.sleep(0.5)


async def main():
    task = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.1)
    time.sleep(1)
    await task


asyncio.run(main())
`
    await page.goto(`${lesson}?demo=event-loop&source=${encodeURIComponent(program)}`)
    const loop = demo(page, 'event-loop')
    await expect(loop.getByRole('textbox', { name: /Python code/ })).toHaveValue(program)
    // Step by step from the start, until the loop is frozen in time.sleep.
    await loop.getByRole('button', { name: 'Step' }).click()
    await expect(loop.getByText('asyncio.run(main()) wraps it in Task-1')).toBeVisible(traced)
    const running = loop.getByRole('region', { name: 'Running now' })
    for (let step = 1; step < 20 && !(await running.textContent())?.includes('blocking the loop'); step++) {
      await loop.getByRole('button', { name: 'Step' }).click()
      await expect(loop.getByText(new RegExp(`^Step ${step} `))).toBeVisible()
    }
    await expect(running).toContainText('Task-1 in main() blocking the loop')
    await expect(loop.getByText('Task-1 calls time.sleep(1): the whole thread sleeps')).toContainText('The clock moves on 1.0 s')
    // heartbeat's 0.5 s timer is overdue, but it waits.
    await expect(loop.getByRole('region', { name: /Timers/ })).toContainText('0.5 s → wake Task-2')

    await loop.getByRole('button', { name: 'End' }).click()
    await expect(loop).toHaveAttribute('data-state', 'done')
    const result = JSON.parse((await loop.getAttribute('data-result'))!) as EventLoopResult
    expect(result.stdout).toBe('0.0 s: beat 0\n1.1 s: beat 1\n1.6 s: beat 2')
    expect(result.seconds).toBe(2.1)
  })

  test('a program that raises shows CPython’s traceback, and the visualizer carries on', async ({ page }) => {
    const program = `import asyncio


async def main():
    print('dividing')
    await asyncio.sleep(0.5)
    return 1 / 0


asyncio.run(main())
`
    await page.goto(`${lesson}?demo=event-loop&speed=10&run=1&source=${encodeURIComponent(program)}`)
    const loop = demo(page, 'event-loop')
    await expect(loop).toHaveAttribute('data-state', 'error', traced)
    await expect(loop.getByRole('alert')).toHaveText('ZeroDivisionError: division by zero (line 7)')
    const traceback = loop.getByRole('region', { name: 'Output' }).getByLabel('Traceback')
    await expect(traceback).toContainText('Traceback (most recent call last):')
    await expect(traceback).toContainText('File "main.py", line 7, in main')
    await expect(traceback).not.toContainText('asyncio_trace')
    await expect(loop.getByRole('region', { name: 'Output' })).toContainText('dividing')
    await expect(loop.getByRole('row', { name: /^Task-1 / })).toContainText("raised ZeroDivisionError('division by zero')")

    // A syntax error is CPython's too, and the example still plays afterwards.
    const editor = loop.getByRole('textbox', { name: /Python code/ })
    await editor.fill('import asyncio\n\nasync def main(:\n    pass\n')
    await loop.getByRole('button', { name: /^Run/ }).click()
    await expect(loop.getByRole('alert')).toContainText('SyntaxError', traced)
    await loop.getByRole('radio', { name: 'create_task' }).check()
    await loop.getByRole('button', { name: /^Run/ }).click()
    await loop.getByRole('button', { name: 'End' }).click()
    await expect(loop).toHaveAttribute('data-state', 'done')
    expect(JSON.parse((await loop.getAttribute('data-result'))!)).toMatchObject({ example: 'create_task', trace: traces.create_task })
  })

  test('an endless program stops at the step limit, with a message', async ({ page }) => {
    const program = `import asyncio


async def forever():
    n = 0
    while True:
        n += 1
        print('tick', n)
        await asyncio.sleep(1)


asyncio.run(forever())
`
    await page.goto(`${lesson}?demo=event-loop&speed=10&run=1&source=${encodeURIComponent(program)}`)
    const loop = demo(page, 'event-loop')
    await loop.getByRole('button', { name: 'End' }).click(traced)
    await expect(loop).toHaveAttribute('data-state', 'error')
    await expect(loop.getByRole('alert')).toHaveText('Stopped after 500 steps, the most one trace records: a program that never ends would run for ever.')
    await expect(loop.getByText(/^Step 500 Stopped after 500 steps/)).toBeVisible()
    await expect(loop.getByRole('region', { name: 'Output' })).toContainText('tick 1\ntick 2')
  })
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
