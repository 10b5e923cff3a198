'use client'

import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react'

/**
 * A value that workers update far more often than it is worth drawing. Writers replace
 * `live.current` as events arrive (assign a new value; never mutate the old one); it is drawn
 * when published: by `flush`, by `reset`, or by the timer of `useLiveSnapshot`.
 */
export type LiveStore<V> = {
  live: RefObject<V>
  /** Draws the latest value now. */
  flush: () => void
  /** Replaces the value and draws it. */
  reset: (next: V) => void
  subscribe: (listener: () => void) => () => void
  /** The value last published. */
  shown: () => V
}

export function createLiveStore<V>(first: V): LiveStore<V> {
  const live = { current: first }
  let shown = first
  const listeners = new Set<() => void>()
  const flush = () => {
    if (shown === live.current) return
    shown = live.current
    for (const listener of listeners) listener()
  }
  return {
    live,
    flush,
    reset: (next) => {
      live.current = next
      flush()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    shown: () => shown,
  }
}

/** A live store that lasts as long as the component. Publishing it redraws only its subscribers. */
export function useLiveStore<V>(initial: () => V): LiveStore<V> {
  const [store] = useState(() => createLiveStore(initial()))
  return store
}

type LiveOptions<V> = { perSecond?: number; refresh?: (view: V) => V }

/**
 * Draws a live store: at most `perSecond` times a second while `running`, and whenever it is
 * published. Redrawing on every event would take CPU from the workers. `refresh` runs before each
 * timed redraw, e.g. to move a clock on or to read shared memory. Only the calling component
 * redraws, so a demo can keep its fast-changing part in a small child.
 */
export function useLiveSnapshot<V>(store: LiveStore<V>, running: boolean, { perSecond = 4, refresh }: LiveOptions<V> = {}): V {
  const view = useSyncExternalStore(store.subscribe, store.shown, store.shown)
  const refreshRef = useRef(refresh)
  useEffect(() => {
    refreshRef.current = refresh
  })
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => {
      if (refreshRef.current) store.live.current = refreshRef.current(store.live.current)
      store.flush()
    }, 1000 / perSecond)
    return () => clearInterval(timer)
  }, [store, running, perSecond])
  return view
}

/** A live store drawn by the component that owns it: `view` is what to draw now. */
export function useLiveView<V>(initial: () => V, running: boolean, options: LiveOptions<V> = {}) {
  const store = useLiveStore(initial)
  const view = useLiveSnapshot(store, running, options)
  return { liveRef: store.live, view, flush: store.flush, reset: store.reset }
}

export type RunClock = { t0: number; now: number }

/**
 * A run's clock for its live view: `start()` sets it going and returns the start time, `stop()`
 * ends it; `clock` is redrawn `perSecond` times a second in between, null when no run is going.
 */
export function useRunClock(read: () => number, perSecond = 5) {
  const [running, setRunning] = useState(false)
  const { view, reset } = useLiveView<RunClock | null>(() => null, running, { perSecond, refresh: (c) => (c ? { ...c, now: read() } : c) })
  return {
    clock: view,
    start: () => {
      const t0 = read()
      reset({ t0, now: t0 })
      setRunning(true)
      return t0
    },
    stop: () => {
      setRunning(false)
      reset(null)
    },
  }
}

/**
 * Resolves once the page has drawn what is pending, or after `timeoutMs` in a hidden tab, where
 * frames stop. It waits two frames: what the first lays out (a figure growing a lane, say) can
 * change what the second draws. A timed run starts after it, so that drawing its empty view (a
 * burst of main-thread work) does not take a core from the workers being timed.
 */
export function afterNextPaint(timeoutMs = 200): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    // rAF callbacks run before their frame is drawn; a task queued from one runs after it.
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer)
          resolve()
        }, 0),
      ),
    )
  })
}
