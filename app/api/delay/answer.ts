import { parseDelayQuery } from './query'

/**
 * How many requests `/api/delay` holds at once; one more is answered 503 at once, with Retry-After.
 * Measured on the standalone server (2 cores, shared): a held wait costs ~10 KB and no CPU — 1,000,
 * 2,000, 5,000 and 9,000 held took RSS from ~110 to 116, 143, 202 and 207 MB, and a lesson page
 * still answered in 150–300 ms. So the cap is not for speed: it bounds memory and open sockets
 * (each wait holds a connection; the README's Deploy section sets the open-file limit above this)
 * whatever a room, or a loop gone wrong, sends. 5,000 is 200 students each with a gather of 25 in
 * flight, and four times what browsers can send over HTTP/1.1 (six connections to a host each).
 * `DELAY_MAX_WAITS`, read at server start, changes it (a test lowers it).
 */
export const maxWaits = 5_000

/** Seconds a refused client is asked to wait before trying again. */
const retryAfter = 1

/** The cap in force: `maxWaits`, or a whole number from DELAY_MAX_WAITS. */
export function waitsCap(env: string | undefined = process.env.DELAY_MAX_WAITS): number {
  return env && /^\d+$/.test(env) && Number(env) > 0 ? Number(env) : maxWaits
}

// no-transform: Next would gzip each 30-byte answer through a zlib stream of its own, which took longer
// than the answer and, over five answers at once, showed up in gather's time.
const noStore = { 'Cache-Control': 'no-store, no-transform' }

/** An answer to send: what the route and the standalone server both turn into an HTTP response. */
export type DelayAnswer = { status: number; headers: Record<string, string>; body: Record<string, unknown> }

/** Resolves after `ms`, or as soon as the client goes away. */
function wait(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
  })
}

/**
 * `GET /api/delay?ms=N[&status=S][&id=I]`: a slow server to await. Waits N ms (0–10000), then
 * answers `{ ms, waited, id }`, or, with an error status, `{ ms, waited, id, status, error }`. A bad
 * query is a 400 with `{ error }`; a request past the cap, a 503 with `Retry-After` and `{ error }`.
 * One per server: it counts the waits it holds.
 */
export function delayEndpoint(cap = waitsCap()) {
  let holding = 0
  return {
    /** Waits it holds now. */
    get holding() {
      return holding
    },
    cap,
    async answer(params: URLSearchParams, signal: AbortSignal): Promise<DelayAnswer> {
      const parsed = parseDelayQuery(params)
      if (!parsed.ok) return { status: 400, headers: noStore, body: { error: parsed.error } }
      if (holding >= cap) {
        return {
          status: 503,
          headers: { ...noStore, 'Retry-After': String(retryAfter) },
          body: { error: `The server is busy: it holds ${cap} waits at once. Try again in ${retryAfter} s.`, retryAfter },
        }
      }
      const { ms, status, id } = parsed.query
      holding++
      const started = performance.now()
      try {
        await wait(ms, signal)
      } finally {
        holding--
      }
      const elapsed = performance.now() - started
      const waited = Math.round(elapsed)
      // The wait as the server measured it: the browser's Resource Timing shows it beside the time to
      // first byte, so the rest of that time (the server's routing, the network) can be told apart.
      const headers = { ...noStore, 'Server-Timing': `wait;dur=${elapsed.toFixed(1)}` }
      if (status !== 200) return { status, headers, body: { ms, waited, id, status, error: `The server was asked to fail with ${status}.` } }
      return { status, headers, body: { ms, waited, id } }
    },
  }
}
