import { indexPage } from '@/lib/sample-site/pages'
import { samplePage } from '@/lib/sample-site/respond'

/** The sample site's index: every company in an HTML table. `?latency=&jitter=&failures=&attempt=` */
export async function GET(request: Request) {
  return samplePage(request, 'index', (settings) => ({ status: 200, body: indexPage(settings) }))
}
