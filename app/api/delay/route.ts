import type { NextRequest } from 'next/server'
import { delayEndpoint } from './answer'

// Every request waits afresh: nothing here may be cached or prerendered.
export const dynamic = 'force-dynamic'

// In production the standalone server (server/main.ts) answers /api/delay itself, before Next's
// routing, which cost three times the answer; this route serves `next dev` and `next start`.
const endpoint = delayEndpoint()

/** `GET /api/delay?ms=N[&status=S][&id=I]`: see `delayEndpoint`. */
export async function GET(request: NextRequest) {
  const { status, headers, body } = await endpoint.answer(request.nextUrl.searchParams, request.signal)
  return Response.json(body, { status, headers })
}
