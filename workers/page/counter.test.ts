import { afterEach, describe, expect, it } from 'vitest'
import { runCounter, type CounterRun } from './counter'
import type { CounterApi } from '../entry/counter.worker'
import { nodeWorker } from '../testing/node-worker'
import { WorkerGroup } from './worker-group'

const groups: WorkerGroup<CounterApi>[] = []
afterEach(() => groups.splice(0).forEach((g) => g.terminateAll()))

function count(run: CounterRun) {
  const group = new WorkerGroup<CounterApi>(() => nodeWorker('workers/entry/counter.worker.ts'))
  groups.push(group)
  return runCounter(group, run)
}

/** The lowest count of a few runs: a race shows up in at least one of them. */
async function lowest(run: CounterRun, tries = 3) {
  let low = Infinity
  for (let i = 0; i < tries; i++) low = Math.min(low, (await count(run)).actual)
  return low
}

const four = { workers: 4, increments: 300_000 }

describe('the counter, in real worker threads', () => {
  it('with the GIL, the bare += loses nothing: no switch can land between its read and write', async () => {
    for (let i = 0; i < 3; i++) {
      const { expected, actual } = await count({ interpreter: 'gil', mode: 'unsafe', ...four })
      expect(actual).toBe(expected)
    }
  }, 60_000)

  it('with the GIL, a call between the read and the write loses updates, as CPython does', async () => {
    expect(await lowest({ interpreter: 'gil-call', mode: 'unsafe', ...four })).toBeLessThan(four.workers * four.increments)
  }, 60_000)

  it('free-threaded, workers run at once and lose updates', async () => {
    expect(await lowest({ interpreter: 'free-threaded', mode: 'unsafe', ...four })).toBeLessThan(four.workers * four.increments)
  }, 60_000)

  it.each(['gil', 'gil-call', 'free-threaded'] as const)('%s: the lock and Atomics.add are exact', async (interpreter) => {
    for (const mode of ['lock', 'atomic'] as const) {
      const { expected, actual } = await count({ interpreter, mode, workers: 3, increments: 100_000 })
      expect(actual, mode).toBe(expected)
    }
  }, 60_000)

  it('counts every increment with one worker, whatever the interpreter', async () => {
    for (const interpreter of ['gil', 'gil-call', 'free-threaded'] as const) {
      expect((await count({ interpreter, mode: 'unsafe', workers: 1, increments: 50_000 })).actual).toBe(50_000)
    }
  }, 60_000)
})
