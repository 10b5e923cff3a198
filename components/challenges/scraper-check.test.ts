import { describe, expect, it } from 'vitest'
import { defaultConfigYaml, parseConfig, type PipelineConfig } from '@/lib/scraper/config'
import { inFlight, judgeScrape, serverPace, settingsOf, siteChanged, type ScrapeOutcome } from './scraper-check'

const page = '/sample/companies?latency=250&failures=0.1'
function config(edits: [string, string][] = []): PipelineConfig {
  const checked = parseConfig(edits.reduce((text, [from, to]) => text.replace(from, to), defaultConfigYaml))
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems))
  return checked.config
}
const done: ScrapeOutcome = { discovered: 42, rows: 42, failures: [], retries: 6, ms: 2600, spans: [], stopped: false }

describe('judgeScrape', () => {
  it('solves every company within the budget, none lost', () => {
    expect(judgeScrape(config(), page, done, 4000)).toEqual({ solved: true, message: 'Scraped 42 of 42 companies in 2.6 s with 6 retries, within the 4.0 s budget, and none lost.' })
  })

  it('names the companies lost to 503s, and what to do', () => {
    const failures = ['BRKN', 'GLMR'].map((item) => ({ item, worker: 'quotes-1', attempts: 1, reason: 'HTTP 503' }))
    expect(judgeScrape(config(), page, { ...done, rows: 40, failures, retries: 0 }, 8000)).toEqual({
      solved: false,
      message: 'Scraped 40 of 42 companies in 2.6 s with 0 retries; 2 failed. BRKN, GLMR failed after 1 attempt (HTTP 503): a 503 is worth retrying, and a retry usually succeeds.',
    })
  })

  it('says a page that times out every time needs more time, not more retries', () => {
    const failures = [{ item: 'ZEPH', worker: 'quotes-2', attempts: 4, reason: 'timed out' }]
    expect(judgeScrape(config(), page, { ...done, rows: 41, failures }, 4000).message).toContain('ZEPH timed out on every attempt: a page takes the same time on every try')
  })

  it('says what the run had done when the budget stopped it, and the pace of the config', () => {
    const slow = config([['instances: 4\n    concurrency: 4', 'instances: 2']])
    expect(judgeScrape(slow, page, { ...done, rows: 14, retries: 2, ms: 12_000, stopped: true }, 4000)).toEqual({
      solved: false,
      message:
        'Stopped after 12.0 s, far over the 4.0 s budget, with 14 of 42 companies scraped, 0 failed and 2 retries so far. With 2 quote requests in flight at once, 42 pages of about 250 ms each take about 5.3 s on their own: run more at once.',
    })
  })

  it('says so when the list page failed', () => {
    const failures = [{ item: page, worker: 'list', attempts: 1, reason: 'HTTP 503' }]
    expect(judgeScrape(config(), page, { ...done, discovered: 0, rows: 0, failures }, 4000).message).toBe(
      'The list page failed (HTTP 503 after 1 attempt), so no company was found: the list worker needs retries too.',
    )
  })
})

describe('the site and the pace', () => {
  it('refuses a config that starts from an easier site', () => {
    expect(siteChanged(config(), page)).toBeNull()
    expect(siteChanged(config([['failures=0.1', 'failures=0']]), page)).toContain('it starts from /sample/companies?latency=250&failures=0)')
  })

  it('counts the quote requests in flight: instances, capped by concurrency', () => {
    expect(inFlight(config())).toBe(4)
    expect(inFlight(config([['instances: 4\n    concurrency: 4', 'instances: 8\n    concurrency: 3']]))).toBe(3)
    expect(inFlight(config([['instances: 4\n    concurrency: 4', 'instances: 2\n    concurrency: 8']]))).toBe(2)
  })
})

describe('serverPace', () => {
  const settings = settingsOf(page)
  // ACME's page is set to 164 ms, BLIP's to 228 ms, the index to 161 ms (lib/sample-site/companies.ts).
  const span = (item: string, ms: number, kind: 'fetch' | 'failed' = 'fetch') => ({ worker: 'quotes-1', item, kind, start: 100, end: 100 + ms })

  it('is the median of measured over set latency, for the pages that came back', () => {
    expect(serverPace([span('ACME', 328), span('BLIP', 456), span('/sample/companies', 483), span('ACME', 5000, 'failed')], settings)).toBeCloseTo(2, 5)
  })
  it('is never below 1, and 1 with nothing measured', () => {
    expect(serverPace([span('ACME', 100)], settings)).toBe(1)
    expect(serverPace([], settings)).toBe(1)
  })
  it('lets a busy server not fail a config, and says so with both times', () => {
    const spans = [span('ACME', 328), span('BLIP', 456)]
    expect(judgeScrape(config(), page, { ...done, ms: 5000, spans }, 4000)).toEqual({
      solved: true,
      message:
        "Scraped 42 of 42 companies in 5.0 s on the pipeline's clock (the server answered 2.0 times slower than its set latency, so 2.5 s at the site's own pace) with 6 retries, within the 4.0 s budget, and none lost.",
    })
    expect(judgeScrape(config(), page, { ...done, ms: 9000, spans }, 4000).message).toContain('but over the 4.0 s budget')
  })
})
