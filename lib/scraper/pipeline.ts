import { AsyncioSemaphore } from '@/lib/semaphore'
import { AsyncQueue } from './async-queue'
import type { PipelineConfig, WorkerConfig } from './config'

/** A company found on a list page: the job a quote worker picks up. */
export type Job = { symbol: string; name: string; sector: string; url: string }
/** What a quote worker makes of a job: the row the sink keeps. */
export type Row = { symbol: string; name: string; sector: string; price: number; change: number; attempts: number; worker: string }
export type Failure = { item: string; worker: string; attempts: number; reason: string }

export type PipelineDeps = {
  /** GETs a page and returns its HTML; throws `HttpError` for an answer that is not 2xx. */
  fetchText: (url: string, signal: AbortSignal) => Promise<string>
  /** The companies a list page links to, with absolute quote URLs. */
  parseIndex: (html: string, pageUrl: string) => Job[]
  /** The price and change a quote page shows; throws if the page has none. */
  parseQuote: (html: string) => { price: number; change: number }
  /** Relative URLs in the config resolve against this, e.g. `location.origin`. */
  base: string
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  now?: () => number
}

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`)
    this.name = 'HttpError'
  }
}

export type WorkerState = 'starting' | 'waiting' | 'queued' | 'fetching' | 'backoff' | 'putting' | 'done'
export type WorkerView = { id: string; stage: string; kind: WorkerConfig['kind']; state: WorkerState; item?: string }
export type Span = { worker: string; item: string; kind: 'fetch' | 'backoff' | 'failed'; start: number; end?: number }
export type QueueView = { name: string; depth: number; peak: number; maxsize: number }

/** Everything a live view needs, read as often as it likes (a few times a second is plenty). */
export type PipelineSnapshot = {
  queues: QueueView[]
  workers: WorkerView[]
  /** Jobs the list stages found: the total to do, once the list pages are read. */
  discovered: number
  rows: Row[]
  failures: Failure[]
  retries: number
  requests: number
  spans: Span[]
  elapsed: number
}

export type PipelineResult = { rows: Row[]; failures: Failure[]; retries: number; requests: number; ms: number; spans: Span[] }

/** The sentinel a stage puts on its output queue once per reader instance: "nothing more is coming". */
const DONE = Symbol('DONE')
type Item = Job | Row | typeof DONE

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    signal.throwIfAborted()
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })

/** Worth another try: the server was busy or overloaded, the request timed out, or the network failed. */
function retryable(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 429 || error.status >= 500
  return error instanceof DOMException ? error.name === 'TimeoutError' : error instanceof TypeError
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timed out'
  return error instanceof Error ? error.message : String(error)
}

/**
 * The sample site decides which requests fail from the page and the attempt number, so every run
 * meets the same failures; a retry tells it which attempt this is. A real site is not told.
 */
export function attemptUrl(url: string, attempt: number): string {
  if (attempt === 1) return url
  const next = new URL(url)
  next.searchParams.set('attempt', String(attempt))
  return next.href
}

/**
 * Starts the pipeline a config describes: a queue per `queues` entry, `instances` tasks per worker,
 * all on this thread like asyncio tasks. Aborting `signal` cancels every task and request in flight.
 */
export function startPipeline(config: PipelineConfig, deps: PipelineDeps, signal: AbortSignal) {
  const sleep = deps.sleep ?? defaultSleep
  const now = deps.now ?? (() => performance.now())
  const t0 = now()
  // Any task failing unexpectedly cancels the others, so nothing waits forever on a dead stage.
  const cancel = new AbortController()
  const stop = AbortSignal.any([signal, cancel.signal])

  const queues = new Map(config.queues.map((q) => [q.name, new AsyncQueue<Item>(q.maxsize)]))
  const peaks = new Map(config.queues.map((q) => [q.name, 0]))
  const workers: WorkerView[] = []
  const rows: Row[] = []
  const failures: Failure[] = []
  const spans: Span[] = []
  let discovered = 0
  let retries = 0
  let requests = 0

  const put = async (view: WorkerView, names: string[], item: Item) => {
    const { state, item: label } = view
    for (const name of names) {
      const queue = queues.get(name)!
      if (queue.maxsize > 0 && queue.size >= queue.maxsize) {
        view.state = 'putting'
        view.item = undefined
      }
      await queue.put(item, stop)
      peaks.set(name, Math.max(peaks.get(name)!, queue.size))
    }
    view.state = state
    view.item = label
  }

  // #region fetch
  /** One page, with retries: waits for a slot in the stage's semaphore, backs off 2× after each failure. */
  async function fetchPage(url: string, item: string, view: WorkerView, worker: WorkerConfig, slots: AsyncioSemaphore) {
    for (let attempt = 1; ; attempt++) {
      view.state = 'queued'
      view.item = item
      await slots.acquire(stop)
      const span: Span = { worker: view.id, item, kind: 'fetch', start: now() - t0 }
      spans.push(span)
      view.state = 'fetching'
      try {
        requests++
        const timeout = AbortSignal.timeout(worker.timeout_ms)
        const html = await deps.fetchText(attemptUrl(url, attempt), AbortSignal.any([stop, timeout]))
        return { html, attempts: attempt }
      } catch (error) {
        if (stop.aborted) throw stop.reason
        span.kind = 'failed'
        if (!retryable(error) || attempt > worker.retries) throw Object.assign(new Error(describe(error)), { attempts: attempt })
        retries++
      } finally {
        span.end = now() - t0
        slots.release()
      }
      view.state = 'backoff'
      const pause: Span = { worker: view.id, item, kind: 'backoff', start: now() - t0 }
      spans.push(pause)
      await sleep(worker.backoff_ms * 2 ** (attempt - 1), stop)
      pause.end = now() - t0
    }
  }
  // #endregion

  const fail = (view: WorkerView, item: string, error: unknown) => {
    if (stop.aborted) throw stop.reason
    const attempts = (error as { attempts?: number }).attempts ?? 1
    failures.push({ item, worker: view.id, attempts, reason: describe(error) })
  }

  // #region workers
  /** One instance of a stage: an asyncio task (a thread, in the Python version). */
  async function runWorker(worker: WorkerConfig, view: WorkerView, slots: AsyncioSemaphore, inputValues: string[]) {
    const input = worker.input_queue ? queues.get(worker.input_queue)! : null
    if (worker.kind === 'list_page') {
      // List workers share the start pages: each takes the next one until none are left.
      for (let url = inputValues.shift(); url !== undefined; url = inputValues.shift()) {
        const absolute = new URL(url, deps.base).href
        try {
          const { html } = await fetchPage(absolute, new URL(absolute).pathname, view, worker, slots)
          const jobs = deps.parseIndex(html, absolute)
          discovered += jobs.length
          for (const job of jobs) await put(view, worker.output_queues, job)
        } catch (error) {
          fail(view, url, error)
        }
      }
      return
    }
    while (true) {
      view.state = 'waiting'
      view.item = undefined
      const item = await input!.get(stop)
      if (item === DONE) return
      if (worker.kind === 'quote_page') {
        const job = item as Job
        try {
          const { html, attempts } = await fetchPage(job.url, job.symbol, view, worker, slots)
          const { price, change } = deps.parseQuote(html)
          const row: Row = { symbol: job.symbol, name: job.name, sector: job.sector, price, change, attempts, worker: view.id }
          await put(view, worker.output_queues, row)
        } catch (error) {
          fail(view, job.symbol, error)
        }
      } else {
        rows.push(item as Row)
      }
    }
  }
  // #endregion

  // #region pipeline
  async function run(): Promise<PipelineResult> {
    // A queue is finished when every stage that writes to it has finished.
    const writers = new Map(config.queues.map((q) => [q.name, config.workers.filter((w) => w.output_queues.includes(q.name)).length]))
    const readers = (queue: string) => config.workers.find((w) => w.input_queue === queue)?.instances ?? 0

    const stages = config.workers.map(async (worker) => {
      const slots = new AsyncioSemaphore(worker.concurrency ?? worker.instances)
      const inputValues = [...(worker.input_values ?? [])]
      const instances = Array.from({ length: worker.instances }, (_, i) => {
        const view: WorkerView = { id: worker.instances > 1 ? `${worker.name}-${i + 1}` : worker.name, stage: worker.name, kind: worker.kind, state: 'starting' }
        workers.push(view)
        return runWorker(worker, view, slots, inputValues).then(() => {
          view.state = 'done'
          view.item = undefined
        })
      })
      await Promise.all(instances)
      // Every instance of this stage has returned: tell each reader instance downstream to stop.
      for (const name of worker.output_queues) {
        const left = writers.get(name)! - 1
        writers.set(name, left)
        if (left === 0) for (let i = 0; i < readers(name); i++) await queues.get(name)!.put(DONE, stop)
      }
    })
    try {
      await Promise.all(stages)
    } catch (error) {
      cancel.abort(error)
      throw signal.aborted ? signal.reason : error
    }
    return { rows, failures, retries, requests, ms: now() - t0, spans }
  }
  // #endregion

  const snapshot = (): PipelineSnapshot => ({
    queues: config.queues.map((q) => ({ name: q.name, depth: queues.get(q.name)!.size, peak: peaks.get(q.name)!, maxsize: q.maxsize })),
    workers: workers.map((w) => ({ ...w })),
    discovered,
    rows: [...rows],
    failures: [...failures],
    retries,
    requests,
    spans: spans.map((s) => ({ ...s })),
    elapsed: now() - t0,
  })

  return { done: run(), snapshot }
}
