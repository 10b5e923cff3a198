import { afterEach, describe, expect, it } from 'vitest'
import { doubleIn, timeSending } from './memory'
import type { MemoryApi } from '../entry/memory.worker'
import { nodeWorker } from '../testing/node-worker'
import { WorkerGroup } from './worker-group'

const group = new WorkerGroup<MemoryApi>(() => nodeWorker('workers/entry/memory.worker.ts'))
afterEach(() => group.terminateAll())

describe('memory, in a real worker thread', () => {
  it('a copied array: the worker doubles its copy, the page’s array is unchanged', async () => {
    expect(await doubleIn(group.spawn(), false)).toEqual({ page: [1, 2, 3, 4], worker: [2, 4, 6, 8] })
  })

  it('a shared array: the worker’s change is the page’s change', async () => {
    expect(await doubleIn(group.spawn(), true)).toEqual({ page: [2, 4, 6, 8], worker: [2, 4, 6, 8] })
  })

  it('times a copy, a transfer and a share of the same size; a transfer empties the page’s buffer', async () => {
    const worker = group.spawn()
    const bytes = 8 * 1024 * 1024
    const copy = await timeSending(worker, 'copy', bytes)
    const moved = await timeSending(worker, 'transfer', bytes)
    const shared = await timeSending(worker, 'share', bytes)
    expect([copy.leftOnPage, moved.leftOnPage, shared.leftOnPage]).toEqual([bytes, 0, bytes])
  })
})
