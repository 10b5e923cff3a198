import { failsOn, latencyFor, type SiteSettings } from './companies'
import { unavailablePage } from './pages'
import { parseSiteQuery } from './query'

const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }

/** Waits like a distant server would; a client that hangs up ends the wait early. */
function delay(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}

/**
 * Answers one sample page: 400 JSON for a bad query, then the page's latency, then a 503 on the
 * attempts chosen to fail, else the page (or a 404 when `render` has nothing for it).
 */
export async function samplePage(
  request: Request,
  page: string,
  render: (settings: SiteSettings) => { status: number; body: string },
): Promise<Response> {
  try {
    const query = parseSiteQuery(new URL(request.url).searchParams)
    if (!query.ok) return Response.json({ error: `Bad query: ${query.message}.` }, { status: 400 })
    await delay(latencyFor(page, query.settings), request.signal)
    if (failsOn(page, query.settings)) return new Response(unavailablePage, { status: 503, headers: html })
    const { status, body } = render(query.settings)
    return new Response(body, { status, headers: html })
  } catch {
    // Nothing above should throw; if it does, the client still gets a message rather than a crash page.
    return Response.json({ error: 'The sample site could not answer this request.' }, { status: 400 })
  }
}
