import { companies, quoteFor, type SiteSettings } from './companies'
import { settingsQuery } from './query'

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

// The sample pages are a stand-in for a third-party site: plain HTML, one small inline style.
const style = `body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#151823;background:#fff}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #dde1eb}
a{color:#4338ca}.up{color:#027a48}.down{color:#b42318}`

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="/icon.svg">
<title>${escapeHtml(title)} · Sample Exchange</title>
<style>${style}</style>
</head>
<body>
<p><a href="/sample/companies">Sample Exchange</a> · made-up companies for the Concurrency Lab scraper</p>
${body}
</body>
</html>
`
}

/** The index: every company in an HTML table, each symbol linking to its quote page. */
export function indexPage(settings: SiteSettings): string {
  const query = settingsQuery(settings)
  const rows = companies
    .map(
      (c) =>
        `<tr><td><a href="/sample/quote/${c.symbol}?${escapeHtml(query)}">${c.symbol}</a></td><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.sector)}</td></tr>`,
    )
    .join('\n')
  return page(
    'Listed companies',
    `<main>
<h1>Listed companies</h1>
<table id="companies">
<caption>${companies.length} companies</caption>
<thead><tr><th scope="col">Symbol</th><th scope="col">Name</th><th scope="col">Sector</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>`,
  )
}

/** One company's quote page; undefined for a symbol that is not listed. */
export function quotePage(symbol: string): string | undefined {
  const quote = quoteFor(symbol)
  if (!quote) return undefined
  const sign = quote.change > 0 ? '+' : quote.change < 0 ? '−' : ''
  return page(
    `${quote.symbol} · ${quote.name}`,
    `<main>
<h1>${escapeHtml(quote.name)} <small>(${quote.symbol})</small></h1>
<p class="sector">${escapeHtml(quote.sector)}</p>
<dl class="quote">
<dt>Price</dt><dd id="price" data-currency="USD">${money(quote.price)}</dd>
<dt>Change</dt><dd id="change" class="${quote.change < 0 ? 'down' : 'up'}">${sign}${money(Math.abs(quote.change))}%</dd>
</dl>
</main>`,
  )
}

export const unavailablePage = page(
  'Service unavailable',
  '<main><h1>503 Service Unavailable</h1><p>The server is busy. Try again in a moment.</p></main>',
)

export const notFoundPage = page('Not found', '<main><h1>404 Not Found</h1><p>No company is listed under that symbol.</p></main>')
