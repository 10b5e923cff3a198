import { describe, expect, it, vi } from 'vitest'
import { createLiveStore } from './use-live-view'

describe('a live store', () => {
  it('shows a new value only when it is published', () => {
    const store = createLiveStore({ n: 0 })
    const listener = vi.fn()
    store.subscribe(listener)
    store.live.current = { n: 1 }
    store.live.current = { n: 2 }
    expect(store.shown()).toEqual({ n: 0 })
    store.flush()
    expect(store.shown()).toEqual({ n: 2 })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('does not redraw for a flush with nothing new', () => {
    const store = createLiveStore({ n: 0 })
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    store.flush()
    expect(listener).not.toHaveBeenCalled()
    store.reset({ n: 5 })
    expect(listener).toHaveBeenCalledTimes(1)
    unsubscribe()
    store.reset({ n: 6 })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.shown()).toEqual({ n: 6 })
  })
})
