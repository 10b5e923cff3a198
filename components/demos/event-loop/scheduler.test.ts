import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import traces from './asyncio-traces.json'
import { exampleIds, examples } from './examples'
import { EventLoop, awaitTask, createTask, print, pyRepr, pythonSource, sleep } from './scheduler'

const root = path.resolve(__dirname, '../../..')
const source = (file: string) => readFileSync(path.join(root, file), 'utf8')
const loopFor = (id: (typeof exampleIds)[number]) => new EventLoop(examples[id].build(source(examples[id].file)))

describe('the scheduler runs each example as CPython 3.11 does', () => {
  // asyncio-traces.json is the output of `python3 scripts/trace-asyncio.py <file>` for each example:
  // every callback CPython's loop ran, every printed line, with the loop time.
  it.each(exampleIds)('%s: same callbacks, same order, same times, same output', (id) => {
    const loop = loopFor(id)
    loop.runToEnd()
    expect(loop.finished).toBe(true)
    expect(loop.trace).toEqual(traces[id])
  })

  // The recorder itself is checked in workers/inside/asyncio-trace.test.ts: on the tracer's virtual
  // clock it prints these traces exactly, times and all, on any machine.
})

describe('frames', () => {
  it('the default example starts main, then the three tasks gather made, in order', () => {
    const frames = loopFor('gather').runToEnd()
    const starts = frames.filter((f) => f.event.kind === 'resume').map((f) => f.event.task)
    expect(starts).toEqual(['Task-1', 'Task-2', 'Task-3', 'Task-4', 'Task-2', 'Task-3', 'Task-4', 'Task-1'])
    const sleeping = frames.find((f) => f.timers.length === 3)!
    expect(sleeping.timers.map((t) => t.label)).toEqual(['1.0 s → wake Task-2', '1.0 s → wake Task-3', '1.0 s → wake Task-4'])
    expect(frames.at(-1)).toMatchObject({ finished: true, time: 1000, output: ["[{'data': 'sample'}, {'data': 'sample'}, {'data': 'sample'}]"] })
  })

  it('marks the line each task is on, in its own coroutine', () => {
    const text = source(examples.gather.file)
    const lines = text.split('\n')
    for (const frame of loopFor('gather').runToEnd()) {
      if (frame.event.line !== null) expect(frame.event.line).toBeGreaterThan(0)
      for (const task of frame.tasks) {
        for (const { fn, line } of task.stack) expect(lines.slice(0, line).reverse().find((l) => l.includes('def '))).toContain(`def ${fn}(`)
      }
    }
  })

  it('sequential awaits run inside the main task, one after another', () => {
    const frames = loopFor('sequential').runToEnd()
    expect(frames.at(-1)!.tasks.map((t) => t.name)).toEqual(['Task-1'])
    expect(frames.at(-1)!.time).toBe(3000)
    const call = frames.find((f) => f.event.kind === 'call')!
    expect(call.tasks[0]!.stack.map((s) => s.fn)).toEqual(['main', 'fetch_data'])
  })

  it('a blocking step moves the clock while every other callback waits', () => {
    const frames = loopFor('blocking').runToEnd()
    const blocked = frames.find((f) => f.blocked)!
    expect(blocked.running).toBe('Task-3')
    expect(blocked.time).toBe(1700)
    // heartbeat's 0.5 s timer came due during the block, but it is still waiting among the timers.
    expect(blocked.timers.map((t) => t.when)).toEqual([500])
    expect(frames.filter((f) => f.blocked)).toHaveLength(1)
  })

  it('step() after the end returns the last frame', () => {
    const loop = loopFor('gather')
    const last = loop.runToEnd().at(-1)!
    expect(loop.step()).toBe(last)
  })
})

describe('scheduling rules', () => {
  const program = `import asyncio


async def child():
    print('child runs')


async def main():
    task = asyncio.create_task(child())
    print('created')
    await asyncio.sleep(0)
    print('main again')
    await task
    print('awaited a finished task')
`

  it('a created task waits for its creator to yield, and awaiting a finished task does not suspend', () => {
    const { coroutine } = pythonSource(program)
    const child = coroutine('child', function* (at) {
      yield* print('child runs', at("print('child runs')"))
    })
    const main = coroutine('main', function* (at) {
      const task = yield* createTask(child(), at('asyncio.create_task'))
      yield* print('created', at("print('created')"))
      yield* sleep(0, at('asyncio.sleep(0)'))
      yield* print('main again', at("print('main again')"))
      yield* awaitTask(task, at('await task'))
      yield* print('awaited a finished task', at("print('awaited"))
    })
    const loop = new EventLoop(main())
    const frames = loop.runToEnd()
    // What CPython 3.11 prints for this program.
    expect(loop.output).toEqual(['created', 'child runs', 'main again', 'awaited a finished task'])
    expect(loop.trace).toEqual([
      '0.0 step Task-1',
      '0.0 print created',
      '0.0 step Task-2',
      '0.0 print child runs',
      '0.0 step Task-1',
      '0.0 print main again',
      '0.0 print awaited a finished task',
      '0.0 stop',
    ])
    expect(frames.some((f) => f.event.kind === 'await-done')).toBe(true)
  })

  it('refuses a snippet that is missing or on two lines', () => {
    const { coroutine } = pythonSource(program)
    const broken = coroutine('main', function* (at) {
      yield* print('x', at('print('))
    })
    expect(() => new EventLoop(broken()).runToEnd()).toThrow(/on 3 lines/)
    expect(() => pythonSource(program).lineOf('nowhere')).toThrow(/on 0 lines/)
  })
})

describe('pyRepr', () => {
  it('writes values as Python would print them', () => {
    expect(pyRepr([{ data: 'sample' }, null, true, 3])).toBe("[{'data': 'sample'}, None, True, 3]")
    expect(pyRepr("it's")).toBe(`"it's"`)
  })
})
