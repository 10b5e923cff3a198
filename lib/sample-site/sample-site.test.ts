import { describe, expect, it } from 'vitest'
import { GET as indexRoute } from '@/app/sample/companies/route'
import { GET as quoteRoute } from '@/app/sample/quote/[symbol]/route'
import { companies, failsOn, latencyFor, quoteFor, unit, type SiteSettings } from './companies'
import { indexPage, quotePage } from './pages'
import { parseSiteQuery } from './query'

const settings = (over: Partial<SiteSettings> = {}): SiteSettings => ({ latency: 250, jitter: 0.5, failures: 0.1, attempt: 1, ...over })
const quote = (symbol: string, query = '') =>
  quoteRoute(new Request(`http://lab.test/sample/quote/${symbol}${query}`), { params: Promise.resolve({ symbol }) })

describe('the sample companies', () => {
  it('lists at least 30 companies with unique symbols', () => {
    expect(companies.length).toBeGreaterThanOrEqual(30)
    expect(new Set(companies.map((c) => c.symbol)).size).toBe(companies.length)
  })

  it('gives every company the same plausible quote every time', () => {
    for (const { symbol } of companies) {
      const q = quoteFor(symbol)!
      expect(q).toEqual(quoteFor(symbol))
      expect(q.price).toBeGreaterThanOrEqual(10)
      expect(q.price).toBeLessThan(2000)
      expect(Math.abs(q.change)).toBeLessThanOrEqual(4)
    }
    expect(quoteFor('NOPE')).toBeUndefined()
  })

  it('spreads its hash evenly', () => {
    const values = Array.from({ length: 4000 }, (_, i) => unit(`k${i}`))
    const mean = values.reduce((a, b) => a + b) / values.length
    expect(mean).toBeGreaterThan(0.47)
    expect(mean).toBeLessThan(0.53)
    expect(values.filter((v) => v < 0.1).length / values.length).toBeCloseTo(0.1, 1)
  })

  it('keeps latency around the mean, within the jitter', () => {
    const latencies = companies.map((c) => latencyFor(c.symbol, settings()))
    expect(Math.min(...latencies)).toBeGreaterThanOrEqual(125)
    expect(Math.max(...latencies)).toBeLessThanOrEqual(375)
    expect(new Set(latencies).size).toBeGreaterThan(10)
    expect(latencyFor('ACME', settings({ jitter: 0 }))).toBe(250)
  })

  it('fails some first attempts at 10%, and every page succeeds within four attempts', () => {
    const pages = ['index', ...companies.map((c) => c.symbol)]
    const firstFailures = pages.filter((page) => failsOn(page, settings()))
    expect(firstFailures.length).toBeGreaterThan(0)
    expect(firstFailures.length).toBeLessThan(pages.length / 4)
    for (const page of pages) {
      expect([1, 2, 3, 4].some((attempt) => !failsOn(page, settings({ attempt }))), page).toBe(true)
    }
    expect(pages.some((page) => failsOn(page, settings({ failures: 0 })))).toBe(false)
  })
})

describe('the sample query string', () => {
  it.each([
    ['', { latency: 0, jitter: 0.5, failures: 0, attempt: 1 }],
    ['latency=250&failures=0.1', { latency: 250, jitter: 0.5, failures: 0.1, attempt: 1 }],
    ['attempt=3&jitter=0', { latency: 0, jitter: 0, failures: 0, attempt: 3 }],
  ])('accepts %j', (query, expected) => {
    expect(parseSiteQuery(new URLSearchParams(query))).toEqual({ ok: true, settings: expected })
  })

  it.each([
    ['latency=abc', 'latency must be a plain number'],
    ['latency=-5', 'latency must be a plain number'],
    ['latency=1.5', 'whole milliseconds'],
    ['latency=99999', 'at most 5000'],
    ['failures=0.9', 'at most 0.5'],
    ['attempt=0', 'counts from 1'],
    ['latncy=5', 'unknown parameter latncy'],
    ['latency=1&latency=2', 'more than once'],
  ])('refuses %j', (query, message) => {
    const parsed = parseSiteQuery(new URLSearchParams(query))
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.message).toContain(message)
  })
})

describe('the sample pages', () => {
  it('render every company in the index table, escaped, with links that keep the settings', () => {
    const html = indexPage(settings())
    expect(html.match(/<tr><td>/g)).toHaveLength(companies.length)
    expect(html).toContain('Bracken &amp; Sons Foods')
    expect(html).toContain('Velo &quot;Fast&quot; Bicycles')
    expect(html).toContain('href="/sample/quote/ACME?latency=250&amp;jitter=0.5&amp;failures=0.1"')
  })

  it('render a quote page with the price', () => {
    const q = quoteFor('GRNT')!
    const html = quotePage('GRNT')!
    expect(html).toContain(`<dd id="price" data-currency="USD">${q.price.toLocaleString('en-US', { minimumFractionDigits: 2 })}</dd>`)
    expect(quotePage('NOPE')).toBeUndefined()
  })
})

describe('the sample routes', () => {
  it('serve the index as HTML', async () => {
    const response = await indexRoute(new Request('http://lab.test/sample/companies'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toContain('<table id="companies">')
  })

  it('answer a bad query with 400 and a JSON message', async () => {
    for (const response of [
      await indexRoute(new Request('http://lab.test/sample/companies?latency=soon')),
      await quote('ACME', '?failures=1'),
      await quote('acme'),
    ]) {
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: string }).error).toMatch(/^Bad (query|symbol): /)
    }
  })

  it('answer an unknown symbol with 404', async () => {
    expect((await quote('NOPE')).status).toBe(404)
  })

  it('answer the attempts chosen to fail with 503, and the retry with the page', async () => {
    const symbol = companies.find((c) => failsOn(c.symbol, settings()) && !failsOn(c.symbol, settings({ attempt: 2 })))!.symbol
    expect((await quote(symbol, '?failures=0.1')).status).toBe(503)
    const retry = await quote(symbol, '?failures=0.1&attempt=2')
    expect(retry.status).toBe(200)
    expect(await retry.text()).toContain('id="price"')
  })

  it('wait for the latency asked for', async () => {
    const started = performance.now()
    await quote('ACME', '?latency=120&jitter=0')
    expect(performance.now() - started).toBeGreaterThanOrEqual(110)
  })
})
