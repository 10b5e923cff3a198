import { describe, expect, it } from 'vitest'
import { idleCollector } from './idle-collect'

const MB = 1024 * 1024

/** A collector on a hand-moved clock and heap; a collection takes the heap back to `collectsTo`. */
function setup(collectsTo = 40 * MB) {
  const state = { now: 0, heap: 40 * MB, held: 0, collected: 0 }
  const idle = idleCollector({
    idleMs: 2_000,
    growth: 32 * MB,
    busy: () => state.held > 0,
    now: () => state.now,
    heapSize: () => state.heap,
    collect: async () => {
      state.collected++
      state.heap = collectsTo
    },
  })
  /** Checks once a second from `from` to `to` (ms); the checks that collected, by time. */
  const checks = async (from: number, to: number) => {
    const collectedAt: number[] = []
    for (state.now = from; state.now <= to; state.now += 1000) if (await idle.check()) collectedAt.push(state.now)
    return collectedAt
  }
  return { idle, state, checks }
}

describe('idleCollector', () => {
  it('collects once a burst is over: no request for 2 s, none held, the heap grown', async () => {
    const { idle, state, checks } = setup()
    for (let i = 0; i < 1000; i++) idle.request()
    state.held = 1000
    state.heap = 150 * MB
    expect(await checks(1000, 5000)).toEqual([]) // requests held
    state.held = 0
    expect(await checks(6000, 20_000)).toEqual([7000])
    expect(state).toMatchObject({ heap: 40 * MB, collected: 1 })
    expect(idle.collections).toBe(1)
  })

  it('waits while requests keep arriving', async () => {
    const { idle, state, checks } = setup()
    state.heap = 150 * MB
    for (state.now = 1000; state.now <= 30_000; state.now += 1000) {
      idle.request()
      expect(await idle.check()).toBe(false)
    }
    expect(await checks(31_000, 40_000)).toEqual([32_000])
  })

  it('leaves a heap that grew less than the threshold to V8', async () => {
    const { state, checks } = setup()
    state.heap = 71 * MB
    expect(await checks(1000, 10_000)).toEqual([])
    state.heap = 72 * MB
    expect(await checks(11_000, 12_000)).toEqual([11_000])
  })

  it('measures growth from the heap a collection left, not from the start', async () => {
    const { state, checks } = setup(90 * MB) // e.g. caches that are live
    state.heap = 150 * MB
    expect(await checks(1000, 3000)).toEqual([2000])
    state.heap = 121 * MB
    expect(await checks(4000, 10_000)).toEqual([])
    state.heap = 122 * MB
    expect(await checks(11_000, 11_000)).toEqual([11_000])
    expect(state.collected).toBe(2)
  })

  it('never runs two collections at once', async () => {
    let release = () => {}
    const state = { now: 0, heap: 40 * MB, collected: 0 }
    const idle = idleCollector({
      now: () => state.now,
      heapSize: () => state.heap,
      collect: () => {
        state.collected++
        return new Promise<void>((resolve) => (release = resolve))
      },
    })
    state.heap = 300 * MB
    state.now = 60_000
    const first = idle.check()
    state.now = 61_000
    expect(await idle.check()).toBe(false)
    release()
    expect(await first).toBe(true)
    expect(state.collected).toBe(1)
  })

  it('really collects with the default: V8 frees what nothing references', async () => {
    const idle = idleCollector({ idleMs: 0, growth: 0 })
    let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i, text: `object ${i}` }))
    const ref = new WeakRef(garbage[0] as object)
    garbage = null
    await new Promise((resolve) => setTimeout(resolve, 0)) // a WeakRef holds its target until the job ends
    expect(await idle.check()).toBe(true)
    expect(ref.deref()).toBeUndefined()
  })
})
