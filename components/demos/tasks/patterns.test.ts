import { describe, expect, it } from 'vitest'
import { patterns, sleep, type PatternId } from './patterns'

async function run(id: PatternId, work = 80, timeout = 40) {
  const lines: string[] = []
  await patterns[id].run({ log: (m) => lines.push(m), signal: new AbortController().signal, work, timeout })
  return lines
}

describe('task patterns with Promises', () => {
  it('gather: three fetches start together, and the results come back in order', async () => {
    expect(await run('gather')).toEqual([
      'fetch 1 starts',
      'fetch 2 starts',
      'fetch 3 starts',
      'fetch 1 done',
      'fetch 2 done',
      'fetch 3 done',
      'Promise.all returned [{"data":1},{"data":2},{"data":3}]',
    ])
  })

  it('create_task: a promise runs at once, unlike a Python task, which waits for its turn', async () => {
    // Python prints "task created" first: create_task only schedules the coroutine.
    expect((await run('create_task')).slice(0, 2)).toEqual(['fetch 1 starts', 'promise created'])
  })

  it('wait_for: the timeout cancels the slow fetch', async () => {
    expect(await run('wait_for')).toEqual(['fetch 1 starts', 'fetch 1 cancelled', 'timed out after 0.04 s'])
    expect(await run('wait_for', 20, 200)).toEqual(['fetch 1 starts', 'fetch 1 done', 'got {"data":1}'])
  })

  it('cancel: the task sees the cancellation, then the caller does', async () => {
    expect(await run('cancel')).toEqual(['fetch 1 starts', 'main: cancel requested', 'fetch 1 cancelled', 'main: the task ended with AbortError'])
  })

  it('return_exceptions: a failure is one of the results, and the others finish', async () => {
    expect((await run('return_exceptions')).at(-1)).toBe('allSettled returned [{"data":1}, Error("fetch 2 failed"), {"data":3}]')
  })

  it('Stop rejects a pattern with the stop reason', async () => {
    const controller = new AbortController()
    const running = patterns.gather.run({ log: () => {}, signal: controller.signal, work: 1000, timeout: 500 })
    controller.abort(new DOMException('Stopped', 'AbortError'))
    await expect(running).rejects.toMatchObject({ name: 'AbortError' })
    await expect(sleep(10, AbortSignal.abort('gone'))).rejects.toBe('gone')
  })
})
