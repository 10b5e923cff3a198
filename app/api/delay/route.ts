import type { NextRequest } from 'next/server'
import { parseDelayQuery } from './query'

// Every request waits afresh: nothing here may be cached or prerendered.
export const dynamic = 'force-dynamic'

// no-transform: Next would gzip each 30-byte answer through a zlib stream of its own, which took longer
// than the answer and, over five answers at once, showed up in gather's time.
const noStore = { 'Cache-Control': 'no-store, no-transform' }

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
 * query is a 400 with `{ error }`.
 */
export async function GET(request: NextRequest) {
  const parsed = parseDelayQuery(request.nextUrl.searchParams)
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400, headers: noStore })
  const { ms, status, id } = parsed.query
  const started = performance.now()
  await wait(ms, request.signal)
  const elapsed = performance.now() - started
  const waited = Math.round(elapsed)
  // The wait as the server measured it: the browser's Resource Timing shows it beside the time to
  // first byte, so the rest of that time (the server's routing, the network) can be told apart.
  const headers = { ...noStore, 'Server-Timing': `wait;dur=${elapsed.toFixed(1)}` }
  if (status !== 200) {
    return Response.json({ ms, waited, id, status, error: `The server was asked to fail with ${status}.` }, { status, headers })
  }
  return Response.json({ ms, waited, id }, { headers })
}
