import { afterEach, describe, expect, it } from 'vitest'
import { Process } from './process'
import type { Line, ProcessApi } from '../entry/process.worker'
import { nodeWorker } from '../testing/node-worker'
import { WorkerGroup } from './worker-group'

const groups: WorkerGroup<ProcessApi>[] = []
function group() {
  const g = new WorkerGroup<ProcessApi>(() => nodeWorker('workers/entry/process.worker.ts'))
  groups.push(g)
  return g
}
afterEach(() => groups.splice(0).forEach((g) => g.terminateAll()))

describe('Process', () => {
  it('goes from created to started to stopped, with exitcode 0 when the target returns', async () => {
    const lines: Line[] = []
    const g = group()
    const p = new Process(g, { name: 'Process-1', args: { seconds: 0.5, ending: 'return' }, onOutput: (l) => lines.push(l) })
    expect([p.isAlive(), p.exitcode, g.alive]).toEqual([false, null, 0])
    p.start()
    expect([p.isAlive(), p.exitcode, g.alive]).toEqual([true, null, 1])
    await p.join()
    expect([p.isAlive(), p.exitcode, g.alive]).toEqual([false, 0, 0])
    expect(lines.map((l) => l.text)).toEqual(['step 1 of 2', 'step 2 of 2'])
  })

  it('exits with 1 and prints a traceback when the target raises', async () => {
    const lines: Line[] = []
    const p = new Process(group(), { name: 'Process-2', args: { seconds: 0.25, ending: 'raise' }, onOutput: (l) => lines.push(l) })
    p.start()
    await p.join()
    expect(p.exitcode).toBe(1)
    expect(lines.filter((l) => l.stream === 'stderr').at(-1)?.text).toBe('ValueError: something went wrong in the child')
  })

  it('exits with the code given to sys.exit()', async () => {
    const p = new Process(group(), { name: 'Process-3', args: { seconds: 0.25, ending: 'exit' } })
    p.start()
    await p.join()
    expect(p.exitcode).toBe(3)
  })

  it('terminate() ends it mid-work with exitcode -15, and the worker is gone', async () => {
    const g = group()
    const lines: Line[] = []
    const p = new Process(g, { name: 'Process-4', args: { seconds: 10, ending: 'return' }, onOutput: (l) => lines.push(l) })
    p.start()
    await p.join(0.6)
    expect(p.isAlive()).toBe(true)
    expect(lines.length).toBeGreaterThan(0)
    p.terminate()
    await p.join()
    expect([p.isAlive(), p.exitcode, g.alive]).toEqual([false, -15, 0])
    const printed = lines.length
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(lines).toHaveLength(printed)
  })

  it('is terminated when its run is aborted', async () => {
    const g = group()
    const controller = new AbortController()
    const p = new Process(g, { name: 'Process-5', args: { seconds: 10, ending: 'return' }, signal: controller.signal })
    p.start()
    controller.abort()
    await p.join()
    expect([p.exitcode, g.alive]).toEqual([-15, 0])
  })

  it('starts only once and joins only once started, as in Python', async () => {
    const p = new Process(group(), { name: 'Process-6', args: { seconds: 0.25, ending: 'return' } })
    await expect(p.join()).rejects.toThrow('can only join a started process')
    p.start()
    expect(() => p.start()).toThrow('cannot start a process twice')
    await p.join()
  })
})
