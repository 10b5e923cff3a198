'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * A view that workers update far more often than it is worth drawing. Writers replace
 * `live.current` as events arrive (assign a new value; never mutate the old one); React redraws
 * from it at most `perSecond` times a second while `running`, and when asked (`flush`). Redrawing
 * on every event would take CPU from the workers. `refresh` runs before each timed redraw, e.g. to
 * move a clock on or to read shared memory.
 */
export function useLiveView<V>(initial: () => V, running: boolean, { perSecond = 4, refresh }: { perSecond?: number; refresh?: (view: V) => V } = {}) {
  const [first] = useState(initial)
  const live = useRef<V>(first)
  const [view, setView] = useState<V>(first)
  const refreshRef = useRef(refresh)
  useEffect(() => {
    refreshRef.current = refresh
  })
  const flush = useCallback(() => setView(live.current), [])
  const reset = useCallback((next: V) => {
    live.current = next
    setView(next)
  }, [])
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => {
      if (refreshRef.current) live.current = refreshRef.current(live.current)
      setView(live.current)
    }, 1000 / perSecond)
    return () => clearInterval(timer)
  }, [running, perSecond])
  return { liveRef: live, view, flush, reset }
}
