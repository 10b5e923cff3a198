import { describe, expect, it, vi } from 'vitest'
import { GET as indexRoute } from '@/app/sample/companies/route'
import { GET as quoteRoute } from '@/app/sample/quote/[symbol]/route'
import { companies, quoteFor } from '@/lib/sample-site/companies'
import { defaultConfigYaml, parseConfig, type PipelineConfig } from './config'
import { parseNumber } from './parse-pages'
import { HttpError, startPipeline, type Job, type PipelineDeps } from './pipeline'

const base = 'http://lab.test'

/** The sample site's own route handlers stand in for the network; the test counts requests in flight. */
function site() {
  const stats = { inFlight: 0, most: 0, aborted: 0, urls: [] as string[] }
  const fetchText: PipelineDeps['fetchText'] = async (url, signal) => {
    stats.urls.push(url)
    stats.most = Math.max(stats.most, ++stats.inFlight)
    try {
      const request = new Request(url, { signal })
      const symbol = /\/sample\/quote\/([^/?]+)/.exec(url)?.[1]
      const response = await (symbol ? quoteRoute(request, { params: Promise.resolve({ symbol }) }) : indexRoute(request))
      if (signal.aborted) {
        stats.aborted++
        throw signal.reason
      }
      if (!response.ok) throw new HttpError(response.status)
      return await response.text()
    } finally {
      stats.inFlight--
    }
  }
  return { stats, fetchText }
}

// Node has no DOMParser: these tests read the pages with patterns. The browser demo uses DOMParser.
const parseIndex = (html: string, pageUrl: string): Job[] =>
  [...html.matchAll(/<tr><td><a href="([^"]+)">(\w+)<\/a><\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map(([, href, symbol, name, sector]) => ({
    symbol: symbol!,
    name: name!.replaceAll('&amp;', '&').replaceAll('&quot;', '"'),
    sector: sector!,
    url: new URL(href!.replaceAll('&amp;', '&'), pageUrl).href,
  }))
const parseQuote = (html: string) => ({
  price: parseNumber(/id="price"[^>]*>([^<]+)</.exec(html)![1]!),
  change: parseNumber(/id="change"[^>]*>([^<]+)</.exec(html)![1]!),
})

function config(yaml: string, edits: [string, string][] = []): PipelineConfig {
  let text = yaml
  for (const [from, to] of edits) {
    expect(text).toContain(from)
    text = text.replace(from, to)
  }
  const checked = parseConfig(text)
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems))
  return checked.config
}
const fast = (edits: [string, string][] = []) => config(defaultConfigYaml, [['latency=250', 'latency=20'], ...edits])

describe('the scraper pipeline', () => {
  it('gets every listed company with its price, retrying the 503s', async () => {
    const { stats, fetchText } = site()
    const run = startPipeline(fast(), { fetchText, parseIndex, parseQuote, base }, new AbortController().signal)
    const result = await run.done
    expect(result.failures).toEqual([])
    expect(result.rows.map((r) => r.symbol).sort()).toEqual(companies.map((c) => c.symbol).sort())
    for (const row of result.rows) expect(row).toMatchObject({ price: quoteFor(row.symbol)!.price, change: quoteFor(row.symbol)!.change })
    expect(result.rows.find((r) => r.symbol === 'BRKN')!.name).toBe('Bracken & Sons Foods')
    // Six quote pages fail their first attempt at the default settings; each retry succeeds.
    expect(result.retries).toBe(6)
    expect(result.requests).toBe(companies.length + 1 + 6)
    expect(stats.urls.filter((url) => url.includes('attempt=2'))).toHaveLength(6)
    expect(result.rows.filter((r) => r.attempts === 2)).toHaveLength(6)
    const snapshot = run.snapshot()
    expect(snapshot.workers.map((w) => [w.id, w.state])).toEqual([
      ['list', 'done'],
      ['quotes-1', 'done'],
      ['quotes-2', 'done'],
      ['quotes-3', 'done'],
      ['quotes-4', 'done'],
      ['sink', 'done'],
    ])
    expect(snapshot.discovered).toBe(companies.length)
    expect(snapshot.queues.every((q) => q.depth === 0)).toBe(true)
  })

  it('records the failures when retries run out', async () => {
    const { fetchText } = site()
    const result = await startPipeline(fast([['retries: 3\n    backoff_ms', 'retries: 0\n    backoff_ms']]), { fetchText, parseIndex, parseQuote, base }, new AbortController().signal).done
    expect(result.failures).toHaveLength(6)
    expect(result.failures[0]).toMatchObject({ attempts: 1, reason: 'HTTP 503' })
    expect(result.rows.length + result.failures.length).toBe(companies.length)
    expect(result.retries).toBe(0)
  })

  it('never has more requests in flight than the concurrency limit', async () => {
    const { stats, fetchText } = site()
    const cfg = fast([
      ['instances: 4', 'instances: 8'],
      ['concurrency: 4', 'concurrency: 3'],
    ])
    const result = await startPipeline(cfg, { fetchText, parseIndex, parseQuote, base }, new AbortController().signal).done
    expect(result.rows).toHaveLength(companies.length)
    expect(stats.most).toBe(3)
  })

  it('runs quote workers at the same time: more instances finish sooner', async () => {
    const timed = async (instances: number) => {
      const cfg = config(defaultConfigYaml, [
        ['latency=250&failures=0.1', 'latency=40&jitter=0'],
        ['instances: 4', `instances: ${instances}`],
        ['concurrency: 4', `concurrency: ${instances}`],
      ])
      return (await startPipeline(cfg, { ...site(), parseIndex, parseQuote, base }, new AbortController().signal).done).ms
    }
    const one = await timed(1)
    const six = await timed(6)
    // 42 pages × 40 ms one at a time, against 7 rounds of 6: ideally 5× sooner. A loose bound, as the machine may be busy.
    expect(one).toBeGreaterThan(42 * 40)
    expect(six).toBeLessThan(one / 2)
  })

  it('keeps a bounded queue within its maxsize, making the list worker wait', async () => {
    const { fetchText } = site()
    const cfg = fast([['name: symbols\n', 'name: symbols\n    maxsize: 3\n']])
    const run = startPipeline(cfg, { fetchText, parseIndex, parseQuote, base }, new AbortController().signal)
    const result = await run.done
    expect(result.rows).toHaveLength(companies.length)
    expect(run.snapshot().queues[0]).toMatchObject({ name: 'symbols', maxsize: 3, peak: 3 })
  })

  it('sends one DONE per reader, so every quote worker and the sink stop', async () => {
    const { fetchText } = site()
    const cfg = fast([['instances: 4', 'instances: 7']])
    const run = startPipeline(cfg, { fetchText, parseIndex, parseQuote, base }, new AbortController().signal)
    await run.done
    expect(run.snapshot().workers.filter((w) => w.state === 'done')).toHaveLength(9)
  })

  it('does not retry a page that is not there', async () => {
    const { stats, fetchText } = site()
    const missing: typeof parseIndex = (html, url) => [...parseIndex(html, url), { symbol: 'NOPE', name: 'Nope', sector: 'None', url: `${base}/sample/quote/NOPE` }]
    const result = await startPipeline(fast(), { fetchText, parseIndex: missing, parseQuote, base }, new AbortController().signal).done
    expect(result.failures).toEqual([{ item: 'NOPE', worker: expect.stringMatching(/^quotes-/), attempts: 1, reason: 'HTTP 404' }])
    expect(stats.urls.filter((url) => url.includes('NOPE'))).toHaveLength(1)
  })

  it('times out a slow page and retries it', async () => {
    const { fetchText } = site()
    const cfg = config(defaultConfigYaml, [
      ['latency=250&failures=0.1', 'latency=300&jitter=0'],
      ['retries: 3\n\n  - name: quotes', 'retries: 1\n    timeout_ms: 100\n\n  - name: quotes'],
    ])
    const result = await startPipeline(cfg, { fetchText, parseIndex, parseQuote, base }, new AbortController().signal).done
    expect(result.failures).toEqual([{ item: '/sample/companies?latency=300&jitter=0', worker: 'list', attempts: 2, reason: 'timed out' }])
    expect(result.retries).toBe(1)
    expect(result.rows).toEqual([])
  })

  it('cancels every request in flight when stopped', async () => {
    const { stats, fetchText } = site()
    const controller = new AbortController()
    const run = startPipeline(config(defaultConfigYaml), { fetchText, parseIndex, parseQuote, base }, controller.signal)
    await vi.waitFor(() => expect(stats.inFlight).toBe(4), { timeout: 3000, interval: 5 })
    controller.abort(new DOMException('Stopped', 'AbortError'))
    await expect(run.done).rejects.toThrow('Stopped')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stats.inFlight).toBe(0)
    expect(stats.aborted).toBe(4)
    expect(run.snapshot().rows.length).toBeLessThan(companies.length)
  })
})
