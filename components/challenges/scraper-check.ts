import type { Verdict } from '@/components/mdx/challenge-client'
import { latencyFor, type SiteSettings } from '@/lib/sample-site/companies'
import { parseSiteQuery } from '@/lib/sample-site/query'
import type { PipelineConfig } from '@/lib/scraper/config'
import { startPipeline, type Failure, type PipelineDeps, type PipelineSnapshot, type Span } from '@/lib/scraper/pipeline'

/** What a challenge run of the pipeline reports: its own result, on its own clock. */
export type ScrapeOutcome = {
  discovered: number
  rows: number
  failures: Failure[]
  retries: number
  ms: number
  /** Every request, as the pipeline timed it. */
  spans: Span[]
  /** The run was stopped, long past the budget: the figures are those of that moment. */
  stopped: boolean
}

/** A run is stopped once its clock passes this many budgets: however slow the server, it is over by then. */
export const STOP_AFTER = 3

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** The latency and jitter the start page sets: every page of the run has them. */
export function settingsOf(page: string): SiteSettings {
  const query = parseSiteQuery(new URL(page, 'http://site').searchParams)
  if (!query.ok) throw new Error(`${page}: ${query.message}`)
  return query.settings
}

/**
 * How much slower than its set latency the server answered, in this run: the median, over the
 * pages that came back, of the time the pipeline measured over the time the site says it waits;
 * never below 1. A busy machine answers late, and a budget judged at the site's own pace does not
 * fail a right config there. The time of a page is set by the site (`latencyFor`), so this is a
 * ratio measured here, not a guess.
 */
export function serverPace(spans: Span[], settings: SiteSettings): number {
  const ratios = spans
    .filter((span) => span.kind === 'fetch' && span.end !== undefined)
    .map((span) => (span.end! - span.start) / Math.max(1, latencyFor(span.item.startsWith('/') ? 'index' : span.item, settings)))
    .sort((a, b) => a - b)
  return ratios.length ? Math.max(1, ratios[Math.floor(ratios.length / 2)]!) : 1
}

/**
 * The site's settings are part of the task (10% of requests fail): a config must start from
 * exactly `page`, or it would be scraping an easier site. Null when it does.
 */
export function siteChanged(config: PipelineConfig, page: string): string | null {
  const starts = config.workers.flatMap((worker) => worker.input_values ?? [])
  if (starts.length === 1 && starts[0] === page) return null
  return `The pipeline must start from ${page} and nothing else (it starts from ${starts.join(', ') || 'nothing'}): the failures and latency are part of the task.`
}

/** Requests the quote stage can have in flight at once: its instances, each one request at a time, capped by its concurrency. */
export function inFlight(config: PipelineConfig): number {
  const quotes = config.workers.filter((worker) => worker.kind === 'quote_page')
  return quotes.reduce((sum, worker) => sum + Math.min(worker.instances, worker.concurrency ?? worker.instances), 0)
}

/**
 * Every company scraped, none lost to the failing 10%, within `budgetMs` at the site's own pace:
 * the pipeline's clock, over how much slower than set the server answered in this run.
 */
export function judgeScrape(config: PipelineConfig, page: string, { discovered, rows, failures, retries, ms, spans, stopped }: ScrapeOutcome, budgetMs: number): Verdict {
  const settings = settingsOf(page)
  const slow = serverPace(spans, settings)
  const took = slow > 1.1 ? `${secs(ms)} on the pipeline's clock (the server answered ${slow.toFixed(1)} times slower than its set latency, so ${secs(ms / slow)} at the site's own pace)` : secs(ms)
  const scraped = `Scraped ${rows} of ${discovered} companies in ${took} with ${retries} ${retries === 1 ? 'retry' : 'retries'}`
  const n = inFlight(config)
  const pace = `With ${n} quote request${n === 1 ? '' : 's'} in flight at once, ${discovered || 'the'} pages of about ${settings.latency} ms each take about ${secs(((discovered || 42) * settings.latency) / n)} on their own`
  const timedOut = failures.filter((f) => f.reason === 'timed out')
  const slowPages = 'a page takes the same time on every try, so when it takes longer than timeout_ms no retry helps. Allow more time.'
  const names = (list: Failure[]) => list.map((f) => f.item).sort().join(', ')
  if (stopped) {
    return {
      solved: false,
      message:
        `Stopped after ${took}, far over the ${secs(budgetMs)} budget, with ${rows} of ${discovered || '?'} companies scraped, ${failures.length} failed and ${retries} ${retries === 1 ? 'retry' : 'retries'} so far. ${pace}: run more at once.` +
        (timedOut.length ? ` And ${names(timedOut)} timed out on every attempt: ${slowPages}` : ''),
    }
  }
  if (discovered === 0) {
    const reason = failures[0] ? ` (${failures[0].reason} after ${failures[0].attempts} attempt${failures[0].attempts === 1 ? '' : 's'})` : ''
    return { solved: false, message: `The list page failed${reason}, so no company was found: the list worker needs retries too.` }
  }
  if (failures.length) {
    const refused = failures.filter((f) => f.reason !== 'timed out')
    const most = Math.max(...refused.map((f) => f.attempts))
    const parts = [
      timedOut.length ? `${names(timedOut)} timed out on every attempt: ${slowPages}` : '',
      refused.length ? `${names(refused)} failed after ${most} attempt${most === 1 ? '' : 's'} (${refused[0]!.reason}): a 503 is worth retrying, and a retry usually succeeds.` : '',
    ]
    return { solved: false, message: `${scraped}; ${failures.length} failed. ${parts.filter(Boolean).join(' ')}` }
  }
  if (ms / slow > budgetMs) return { solved: false, message: `${scraped}: all of them, but over the ${secs(budgetMs)} budget. ${pace}: run more at once.` }
  return { solved: true, message: `${scraped}, within the ${secs(budgetMs)} budget, and none lost.` }
}

/**
 * Runs the pipeline a challenge config describes until it ends, or its own clock passes
 * `STOP_AFTER` budgets; `onProgress` sees it as it goes. Aborting `signal` cancels it.
 */
export async function runWithBudget(config: PipelineConfig, deps: PipelineDeps, budgetMs: number, signal: AbortSignal, onProgress?: (at: PipelineSnapshot) => void): Promise<ScrapeOutcome> {
  const budget = new AbortController()
  const pipeline = startPipeline(config, deps, AbortSignal.any([signal, budget.signal]))
  const deadline = setTimeout(() => budget.abort(), STOP_AFTER * budgetMs)
  const timer = onProgress ? setInterval(() => onProgress(pipeline.snapshot()), 250) : undefined
  try {
    const { rows, failures, retries, ms, spans } = await pipeline.done
    return { discovered: pipeline.snapshot().discovered, rows: rows.length, failures, retries, ms, spans, stopped: false }
  } catch (error) {
    if (!budget.signal.aborted || signal.aborted) throw error
    const at = pipeline.snapshot()
    return { discovered: at.discovered, rows: at.rows.length, failures: at.failures, retries: at.retries, ms: at.elapsed, spans: at.spans, stopped: true }
  } finally {
    clearTimeout(deadline)
    clearInterval(timer)
  }
}
