import { describe, expect, it } from 'vitest'
import { AsyncQueue } from './async-queue'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('AsyncQueue', () => {
  it('hands items out first in, first out', async () => {
    const queue = new AsyncQueue<number>()
    for (const n of [1, 2, 3]) await queue.put(n)
    expect(queue.size).toBe(3)
    expect([await queue.get(), await queue.get(), await queue.get()]).toEqual([1, 2, 3])
  })

  it('makes get wait until an item arrives, serving waiters in order', async () => {
    const queue = new AsyncQueue<string>()
    const first = queue.get()
    const second = queue.get()
    await tick()
    expect(queue.waitingGetters).toBe(2)
    await queue.put('a')
    await queue.put('b')
    expect(await first).toBe('a')
    expect(await second).toBe('b')
    expect(queue.size).toBe(0)
  })

  it('makes put wait for room when the queue is full', async () => {
    const queue = new AsyncQueue<number>(2)
    await queue.put(1)
    await queue.put(2)
    let third = false
    const putting = queue.put(3).then(() => (third = true))
    await tick()
    expect(third).toBe(false)
    expect(queue.size).toBe(2)
    expect(await queue.get()).toBe(1)
    await putting
    expect(third).toBe(true)
    expect([await queue.get(), await queue.get()]).toEqual([2, 3])
  })

  it('cancels a waiting get, which then takes nothing', async () => {
    const queue = new AsyncQueue<number>()
    const controller = new AbortController()
    const waiting = queue.get(controller.signal)
    controller.abort(new DOMException('stopped', 'AbortError'))
    await expect(waiting).rejects.toThrow('stopped')
    await queue.put(7)
    expect(queue.size).toBe(1)
    expect(await queue.get()).toBe(7)
  })
})
