import { afterEach, describe, expect, it } from 'vitest'
import { createBoard, Doing, expectedChecksum, NONE, slot } from './queue-board'
import type { QueueApi } from '../entry/queue.worker'
import { SharedQueue } from './shared-queue'
import { nodeWorker } from '../testing/node-worker'
import { WorkerGroup } from '../page/worker-group'

describe('SharedQueue in one thread', () => {
  it('is first in, first out, round the ring', () => {
    const queue = SharedQueue.create(3, 2)
    const got: number[][] = []
    for (let n = 0; n < 10; n++) {
      expect(queue.put([n, n * n])).toBe(true)
      if (queue.size() === 3) got.push([...queue.get()!])
    }
    while (queue.size()) got.push([...queue.get()!])
    expect(got.map(([n]) => n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(got[4]).toEqual([4, 16])
  })

  it('refuses a put when full and a get when empty, without waiting if told not to', () => {
    const queue = SharedQueue.create(2)
    expect(queue.get(0)).toBeUndefined()
    expect(queue.put([1], 0)).toBe(true)
    expect(queue.put([2], 0)).toBe(true)
    expect(queue.put([3], 0)).toBe(false)
    expect(queue.tryPut([3])).toBe(false)
    expect(queue.snapshot()).toEqual([[1], [2]])
    expect(queue.tryGet()).toEqual([1])
    expect(queue.tryPut([3])).toBe(true)
    expect(queue.snapshot()).toEqual([[2], [3]])
  })

  it('waits up to the timeout for an item, then gives up', () => {
    const queue = SharedQueue.create(1)
    const started = performance.now()
    expect(queue.get(60)).toBeUndefined()
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })

  it('checks item width and capacity', () => {
    expect(() => SharedQueue.create(0)).toThrow(RangeError)
    expect(() => SharedQueue.create(2, 2).put([1])).toThrow('2 integers')
  })

  it('putAsync waits, without blocking, for room', async () => {
    const queue = SharedQueue.create(1)
    queue.put([1])
    let done = false
    const putting = queue.putAsync([2]).then(() => (done = true))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(done).toBe(false)
    expect(queue.tryGet()).toEqual([1])
    await putting
    expect(queue.snapshot()).toEqual([[2]])
  })
})

describe('SharedQueue across worker threads', () => {
  const groups: WorkerGroup<QueueApi>[] = []
  afterEach(() => groups.splice(0).forEach((g) => g.terminateAll()))

  it('hands every item from several producers to exactly one of several consumers', async () => {
    const group = new WorkerGroup<QueueApi>(() => nodeWorker('workers/entry/queue.worker.ts'))
    groups.push(group)
    const [producers, consumers, items] = [3, 3, 200]
    const queue = SharedQueue.create(4, 2) // small, so producers and consumers both have to wait
    const board = createBoard()
    const consuming = Array.from({ length: consumers }, (_, c) => group.spawn().api.consumer(queue.buffer, board.buffer as SharedArrayBuffer, c, 0))
    await Promise.all(Array.from({ length: producers }, (_, p) => group.spawn().api.producer(queue.buffer, board.buffer as SharedArrayBuffer, p, items, 0)))
    for (let c = 0; c < consumers; c++) await queue.putAsync([NONE, 0])
    const consumed = await Promise.all(consuming)
    expect(consumed.reduce((a, b) => a + b, 0)).toBe(producers * items)
    const checksum = Array.from({ length: consumers }, (_, c) => Atomics.load(board, slot.checksum(c))).reduce((a, b) => a + b, 0)
    expect(checksum).toBe(expectedChecksum(producers, items))
    for (let c = 0; c < consumers; c++) expect(Atomics.load(board, slot.consumer(c))).toBe(Doing.done)
    expect(queue.size()).toBe(0)
  })
})
