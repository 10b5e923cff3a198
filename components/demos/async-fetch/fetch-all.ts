import { AsyncioSemaphore } from '@/lib/semaphore'

export const modes = ['sequential', 'gather', 'bounded'] as const
export type Mode = (typeof modes)[number]

/** One request's life, in milliseconds from the start of the run. */
export type RequestSpan = {
  index: number
  url: string
  /** The coroutine was created (in bounded mode, it may then wait for the semaphore). */
  created?: number
  /** `fetch` was called. */
  start?: number
  /** The request left the browser (Resource Timing); later than `start` when the browser queued it. */
  sent?: number
  /** The response arrived, or the request failed. */
  end?: number
  outcome?: 'ok' | 'error' | 'timeout'
  /** Why it failed, e.g. "HTTP 503". */
  detail?: string
}

export type FetchAllOptions = {
  mode: Mode
  urls: string[]
  /** The semaphore's size in bounded mode. */
  limit: number
  /** Per-request timeout in milliseconds; null for none. */
  timeout: number | null
  /** Stop: aborts every request and ends the run. */
  signal: AbortSignal
  /** Called whenever a span changes; the array is the same object each time. */
  onUpdate?: (spans: readonly RequestSpan[]) => void
  fetch?: typeof fetch
}

export type FetchAllResult = { mode: Mode; ms: number; ok: number; failed: number; spans: RequestSpan[] }

/**
 * An answer with an error status, as aiohttp's `raise_for_status()` raises `ClientResponseError`.
 * A server too busy to take the request says when to come back (`Retry-After`, in seconds).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: string | null = null,
  ) {
    super(`HTTP ${status}${retryAfter ? `: server busy, retry after ${retryAfter} s` : ''}`)
    this.name = 'HttpError'
  }
}

// #region fetch-page
/** fetch_page's twin: one GET, and the body as text. */
export async function fetchPage(url: string, signal: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<string> {
  const response = await fetchImpl(url, { signal })
  if (!response.ok) throw new HttpError(response.status, response.headers.get('Retry-After')) // aiohttp: response.raise_for_status()
  return await response.text()
}
// #endregion

/** When the browser really sent a request: fetch() may wait for a free connection first. */
function sentAt(url: string): number | undefined {
  if (typeof performance.getEntriesByName !== 'function') return undefined
  const absolute = new URL(url, globalThis.location?.href ?? 'http://localhost').href
  const entry = performance.getEntriesByName(absolute, 'resource').at(-1) as PerformanceResourceTiming | undefined
  return entry && entry.requestStart > 0 ? entry.requestStart : undefined
}

// #region modes
export async function fetchAll({ mode, urls, limit, timeout, signal, onUpdate, fetch: fetchImpl = fetch }: FetchAllOptions): Promise<FetchAllResult> {
  const t0 = performance.now()
  const clock = () => performance.now() - t0
  const spans: RequestSpan[] = urls.map((url, index) => ({ index, url }))
  const update = () => onUpdate?.(spans)

  /** One request. A failure is recorded, not thrown: like gather(..., return_exceptions=True). */
  async function one(index: number): Promise<boolean> {
    const span = spans[index]!
    span.start = clock()
    span.created ??= span.start
    update()
    // Like `async with asyncio.timeout(t)` around this request only: the clock starts now.
    const requestSignal = timeout === null ? signal : AbortSignal.any([signal, AbortSignal.timeout(timeout)])
    try {
      await fetchPage(span.url, requestSignal, fetchImpl)
      span.outcome = 'ok'
    } catch (error) {
      signal.throwIfAborted() // Stop ends the whole run
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
      span.outcome = timedOut ? 'timeout' : 'error'
      span.detail = timedOut ? `timed out after ${timeout} ms` : error instanceof Error ? error.message : String(error)
    }
    span.end = clock()
    const sent = sentAt(span.url)
    if (sent !== undefined) span.sent = Math.min(Math.max(sent - t0, span.start), span.end)
    update()
    return span.outcome === 'ok'
  }

  let results: boolean[] = []
  if (mode === 'sequential') {
    // Each request starts when the one before has finished.
    for (const index of urls.keys()) results.push(await one(index))
  } else if (mode === 'gather') {
    // Every request starts at once; Promise.all waits for all of them.
    results = await Promise.all(urls.map((_, index) => one(index)))
  } else {
    // At most `limit` requests in flight: the others wait for a slot.
    const semaphore = new AsyncioSemaphore(limit)
    results = await Promise.all(
      urls.map((_, index) => {
        spans[index]!.created = clock()
        return semaphore.with(() => one(index), signal)
      }),
    )
  }
  // Counted once all are done: `ok += await one(i)` inside concurrent code would lose updates.
  const ok = results.filter(Boolean).length
  return { mode, ms: clock(), ok, failed: results.length - ok, spans }
}
// #endregion
