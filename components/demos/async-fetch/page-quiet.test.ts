import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { untilQuiet } from './page-quiet'

/** A page whose requests end when the test says so. */
function fakePage() {
  let listener: (() => void) | null = null
  return {
    watch: (onEntry: () => void) => {
      listener = onEntry
      return () => (listener = null)
    },
    requestEnds: () => listener?.(),
    get watching() {
      return listener !== null
    },
  }
}

describe('untilQuiet', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const settledAt = (promise: Promise<void>) => {
    let at: number | null = null
    void promise.then(() => (at = Date.now()))
    return () => at
  }

  it('resolves after one quiet window when nothing is loading', async () => {
    const page = fakePage()
    const start = Date.now()
    const at = settledAt(untilQuiet(page.watch, 150, 3000))
    await vi.advanceTimersByTimeAsync(149)
    expect(at()).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(at()! - start).toBe(150)
    expect(page.watching).toBe(false)
  })

  it('waits while requests keep ending, then for one quiet window after the last', async () => {
    const page = fakePage()
    const start = Date.now()
    const at = settledAt(untilQuiet(page.watch, 150, 3000))
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(100)
      page.requestEnds()
    }
    await vi.advanceTimersByTimeAsync(149)
    expect(at()).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(at()! - start).toBe(1000 + 150)
  })

  it('gives up waiting at the cap on a page that never goes quiet', async () => {
    const page = fakePage()
    const start = Date.now()
    const at = settledAt(untilQuiet(page.watch, 150, 3000))
    for (let i = 0; i < 40 && at() === null; i++) {
      await vi.advanceTimersByTimeAsync(100)
      page.requestEnds()
    }
    expect(at()! - start).toBe(3000)
    expect(page.watching).toBe(false)
  })
})
