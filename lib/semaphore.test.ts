import { describe, expect, it } from 'vitest'
import { AsyncioSemaphore } from './semaphore'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))
function gate() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('Semaphore', () => {
  it('lets at most `value` holders in at once, and the rest in arrival order', async () => {
    const semaphore = new AsyncioSemaphore(2)
    const order: number[] = []
    let inside = 0
    let most = 0
    const gates = Array.from({ length: 5 }, gate)
    const holders = gates.map((gate, i) =>
      semaphore.with(async () => {
        order.push(i)
        most = Math.max(most, ++inside)
        await gate.promise
        inside--
      }),
    )
    await tick()
    expect(order).toEqual([0, 1])
    expect(semaphore.waiting).toBe(3)
    gates[1]!.resolve()
    await tick()
    expect(order).toEqual([0, 1, 2])
    for (const gate of gates) gate.resolve()
    await Promise.all(holders)
    expect(order).toEqual([0, 1, 2, 3, 4])
    expect(most).toBe(2)
    expect(semaphore.waiting).toBe(0)
  })

  it('gives the slot back when the work throws', async () => {
    const semaphore = new AsyncioSemaphore(1)
    await expect(semaphore.with(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(semaphore.with(async () => 'next')).resolves.toBe('next')
  })

  it('drops a waiter whose signal aborts, without losing a slot', async () => {
    const semaphore = new AsyncioSemaphore(1)
    await semaphore.acquire()
    const controller = new AbortController()
    const abandoned = semaphore.acquire(controller.signal)
    const patient = semaphore.acquire()
    controller.abort(new Error('stopped'))
    await expect(abandoned).rejects.toThrow('stopped')
    expect(semaphore.waiting).toBe(1)
    semaphore.release()
    await expect(patient).resolves.toBeUndefined()
    await expect(semaphore.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already')
  })

  it('refuses a size below one', () => {
    expect(() => new AsyncioSemaphore(0)).toThrow(RangeError)
  })
})
