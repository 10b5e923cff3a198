import { notFoundPage, quotePage } from '@/lib/sample-site/pages'
import { symbolParam } from '@/lib/sample-site/query'
import { samplePage } from '@/lib/sample-site/respond'

/** One company's quote page, e.g. `/sample/quote/ACME?latency=250&failures=0.1`. */
export async function GET(request: Request, { params }: { params: Promise<{ symbol: string }> }) {
  const { symbol } = await params
  const checked = symbolParam.safeParse(symbol)
  if (!checked.success) return Response.json({ error: `Bad symbol: ${checked.error.issues[0]!.message}.` }, { status: 400 })
  return samplePage(request, checked.data, () => {
    const body = quotePage(checked.data)
    return body ? { status: 200, body } : { status: 404, body: notFoundPage }
  })
}
