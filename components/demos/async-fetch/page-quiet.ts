/**
 * The page's own start-up requests share the browser's 6 connections and the server with a run:
 * right after load, Next prefetches every lesson the sidebar links to (4 requests at a time), just
 * when a `&run=1` link starts the demo. Five gathered requests then queued behind them and took
 * about 1.4× as long as one. A run waits for that burst to pass, once per page.
 */
let quiet: Promise<void> | null = null

/** Calls `onEntry` whenever one of the page's requests ends; returns a function that stops watching. */
export type WatchRequests = (onEntry: () => void) => () => void

const watchResources: WatchRequests = (onEntry) => {
  if (typeof PerformanceObserver === 'undefined') return () => {}
  const observer = new PerformanceObserver(onEntry)
  observer.observe({ type: 'resource' })
  return () => observer.disconnect()
}

/** Resolves once no request has ended for `quietMs` (watched from now on), or after `maxMs`. */
export function untilQuiet(watch: WatchRequests, quietMs: number, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs)
    const cap = setTimeout(done, maxMs)
    const stop = watch(() => {
      clearTimeout(timer)
      timer = setTimeout(done, quietMs)
    })
    function done() {
      clearTimeout(timer)
      clearTimeout(cap)
      stop()
      resolve()
    }
  })
}

/**
 * Resolves once the page's start-up requests are over: on the first call, when none has ended for
 * 150 ms (at most 3 s); on later calls at once, since the burst comes only after load.
 */
export function pageQuiet(): Promise<void> {
  quiet ??= untilQuiet(watchResources, 150, 3000)
  return quiet
}
