'use client'

import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { text } from '@/components/demo-kit/controls'
import { Timeline, type TimelineLane } from '@/components/demo-kit/timeline'
import { useDemo } from '@/components/demo-kit/use-demo'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { defaultConfigYaml, parseConfig, type ConfigProblem } from '@/lib/scraper/config'
import { toCsv } from '@/lib/scraper/csv'
import { parseIndex, parseQuote } from '@/lib/scraper/parse-pages'
import { HttpError, startPipeline, type PipelineSnapshot, type Row, type WorkerState } from '@/lib/scraper/pipeline'
import { YamlEditor, YamlProblems, type YamlEditorHandle } from './yaml-editor'
import './scraper.css'
import { seconds } from '@/lib/format'
import { useLiveView } from '@/components/demo-kit/use-live-view'

const controls = {
  config: text({ label: 'Pipeline config (YAML)', default: defaultConfigYaml, maxLength: 4000, rows: 20 }),
}

type ScraperResult = { rows: number; failed: number; retries: number; ms: number }

const columns = ['symbol', 'name', 'sector', 'price', 'change'] as const

// #region browser
/** GET one page of the sample site. The HTML comes back as text; it is parsed, never put into the page. */
async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal, cache: 'no-store' })
  const html = await response.text()
  if (!response.ok) throw new HttpError(response.status)
  return html
}

// DOMParser builds an inert document: no scripts run, no images or styles load.
const toDocument = (html: string) => new DOMParser().parseFromString(html, 'text/html')
// #endregion

const stateLabels: Record<WorkerState, string> = {
  starting: 'starting',
  waiting: 'waiting for a job',
  queued: 'waiting for a slot',
  fetching: 'fetching',
  backoff: 'backing off',
  putting: 'waiting for room',
  done: 'done',
}

const spanTones = { fetch: 'var(--async)', failed: 'var(--danger)', backoff: 'var(--pitfall)' } as const

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const percent = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(2)}%`

function problemsText(problems: ConfigProblem[]) {
  const listed = problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`)
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''
  return `The config has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${listed.join('; ')}${more}.`
}

/** The scraper pipeline: a YAML config declares queues and workers; Run scrapes the sample site with them. */
export function ScraperDemo() {
  const [csv, setCsv] = useState<{ url: string; rows: number } | null>(null)
  const [running, setRunning] = useState(false)
  const live = useRef<(() => PipelineSnapshot) | null>(null)
  // Redrawn a few times a second, not on every event: rendering is work for this thread too.
  const { view: snapshot, reset: setSnapshot } = useLiveView<PipelineSnapshot | null>(() => null, running, { perSecond: 5, refresh: (v) => live.current?.() ?? v })

  const demo = useDemo({
    id: 'scraper',
    controls,
    run: async ({ config: yaml }, { signal }): Promise<{ result: ScraperResult; summary: string }> => {
      const checked = parseConfig(yaml)
      if (!checked.ok) throw new Error(problemsText(checked.problems))
      setCsv(null)
      const pipeline = startPipeline(
        checked.config,
        {
          fetchText,
          parseIndex: (html, url) => parseIndex(toDocument(html), url),
          parseQuote: (html) => parseQuote(toDocument(html)),
          base: window.location.origin,
        },
        signal,
      )
      live.current = pipeline.snapshot
      setSnapshot(pipeline.snapshot())
      setRunning(true)
      try {
        const { rows, failures, retries, ms } = await pipeline.done
        const sorted = [...rows].sort((a, b) => a.symbol.localeCompare(b.symbol))
        const blob = new Blob([toCsv(columns, sorted)], { type: 'text/csv;charset=utf-8' })
        setCsv({ url: URL.createObjectURL(blob), rows: sorted.length })
        const found = pipeline.snapshot().discovered
        return {
          result: { rows: rows.length, failed: failures.length, retries, ms: Math.round(ms) },
          summary:
            `Scraped ${rows.length} of ${found} companies in ${seconds(ms, 1)}, with ${retries} ${retries === 1 ? 'retry' : 'retries'}` +
            `${failures.length ? ` and ${failures.length} failed` : ' and no failures'}.`,
        }
      } finally {
        live.current = null
        setRunning(false)
        setSnapshot(pipeline.snapshot())
      }
    },
  })

  // A new CSV replaces the old one; leaving the page frees it.
  useEffect(() => {
    if (!csv) return
    return () => URL.revokeObjectURL(csv.url)
  }, [csv])

  const id = useId()
  const editor = useRef<YamlEditorHandle>(null)
  const source = demo.raws.config
  const checked = useMemo(() => (source.length > controls.config.maxLength ? null : parseConfig(source)), [source])
  const problems = checked && !checked.ok ? checked.problems : []
  const marks = problems.map((p) => ({ line: p.line, column: p.column, length: 1 }))
  const tooLong = demo.errors.config

  const fields = (
    <div className="control control-text min-w-0" data-control="config">
      <div className="scraper-config-head">
        <label htmlFor={`${id}-config`} className="control-label">
          Pipeline config (YAML)
        </label>
        <button type="button" className="button scraper-small" disabled={running || source === defaultConfigYaml} onClick={() => demo.setRaw('config', defaultConfigYaml)}>
          Reset the config
        </button>
      </div>
      <YamlEditor
        ref={editor}
        id={`${id}-config`}
        value={source}
        onChange={(value) => demo.setRaw('config', value)}
        marks={marks}
        errorLines={new Set(problems.map((p) => p.line))}
        disabled={running}
        rows={20}
        invalid={Boolean(tooLong || problems.length)}
        describedBy={`${id}-check${tooLong ? ` ${id}-too-long` : ''}`}
      />
      <div id={`${id}-check`} className="scraper-check">
        {checked?.ok ? (
          <p className="scraper-valid">
            <span aria-hidden="true">✓</span> Matches the schema: {checked.config.queues.length} queues, {checked.config.workers.reduce((n, w) => n + w.instances, 0)} worker tasks.
          </p>
        ) : null}
        <YamlProblems
          label="Config problems"
          problems={problems.map((problem) => ({
            mark: { ...problem, length: 1 },
            severity: 'error',
            text: (
              <>
                <strong>Line {problem.line}:</strong> {problem.message}
              </>
            ),
            action: `Go to line ${problem.line}`,
          }))}
          onSelect={(mark) => editor.current?.select(mark)}
        />
      </div>
      {tooLong ? (
        <p id={`${id}-too-long`} className="control-error">
          {tooLong}
        </p>
      ) : null}
    </div>
  )

  const done = snapshot ? snapshot.rows.length + snapshot.failures.length : 0
  const lanes: TimelineLane[] = snapshot
    ? snapshot.workers
        .filter((w) => w.kind !== 'sink')
        .map((w) => ({
          label: w.id,
          spans: snapshot.spans.filter((s) => s.worker === w.id).map((s) => ({ start: s.start, end: s.end, label: `${s.kind} ${s.item}`, tone: spanTones[s.kind] })),
        }))
    : []
  const rows: Row[] = snapshot && !running ? [...snapshot.rows].sort((a, b) => a.symbol.localeCompare(b.symbol)) : []

  return (
    <DemoFrame
      demo={demo}
      title="Scraper pipeline"
      description={
        <p>
          A list worker reads the index of the <a href="/sample/companies" target="_blank" rel="noopener">sample exchange</a>, quote workers fetch each company’s page and parse its price, a sink collects the rows. The YAML declares it all; edit it and run.
        </p>
      }
      runLabel="the scraper"
      controls={fields}
    >
      {snapshot ? (
        <div className="scraper-live">
          <div className="scraper-progress">
            <label htmlFor={`${id}-progress`}>
              {snapshot.discovered ? `${done} of ${snapshot.discovered} companies` : 'Reading the list page…'}
            </label>
            <progress id={`${id}-progress`} max={snapshot.discovered || 1} value={snapshot.discovered ? done : undefined} />
          </div>
          <Stats>
            <Stat label="Rows">{snapshot.rows.length}</Stat>
            <Stat label="Failed">{snapshot.failures.length}</Stat>
            <Stat label="Retries">{snapshot.retries}</Stat>
            <Stat label="Requests">{snapshot.requests}</Stat>
            <Stat label="Time">{seconds(snapshot.elapsed, 1)}</Stat>
          </Stats>

          <div className="scraper-columns">
            <section aria-label="Queues" className="scraper-panel">
              <h4 className="scraper-heading">Queues</h4>
              <ul className="scraper-queues">
                {snapshot.queues.map((q) => {
                  const scale = Math.max(q.maxsize || snapshot.discovered, q.peak, 1)
                  return (
                    <li key={q.name}>
                      <span className="scraper-queue-name">{q.name}</span>
                      <span className="scraper-queue-bar" aria-hidden="true">
                        <span style={{ width: `${(q.depth / scale) * 100}%` }} />
                      </span>
                      <span className="scraper-queue-depth">
                        {q.depth} waiting{q.maxsize ? ` (max ${q.maxsize})` : ''}, peak {q.peak}
                      </span>
                    </li>
                  )
                })}
              </ul>
            </section>
            <section aria-label="Workers" className="scraper-panel">
              <h4 className="scraper-heading">Workers</h4>
              <ul className="scraper-workers">
                {snapshot.workers.map((w) => (
                  <li key={w.id} data-state={w.state}>
                    <span className="scraper-worker-id">{w.id}</span>
                    <span className="scraper-worker-state">
                      {stateLabels[w.state]}
                      {w.item ? ` ${w.item}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          </div>

          {lanes.length ? (
            <>
              <Timeline lanes={lanes} now={snapshot.elapsed} label="Requests over time: fetching (green), failed (red), backing off (amber)" />
              <p className="scraper-legend" aria-hidden="true">
                <span className="scraper-key" style={{ background: spanTones.fetch }} /> fetching <span className="scraper-key" style={{ background: spanTones.failed }} /> failed (503){' '}
                <span className="scraper-key" style={{ background: spanTones.backoff }} /> backing off before a retry
              </p>
            </>
          ) : null}

          {snapshot.failures.length ? (
            <section aria-label="Failures" className="scraper-failures">
              <h4 className="scraper-heading">Failed after retries</h4>
              <ul>
                {snapshot.failures.map((f) => (
                  <li key={`${f.item}-${f.worker}`}>
                    <strong>{f.item}</strong>: {f.reason} after {f.attempts} {f.attempts === 1 ? 'attempt' : 'attempts'} ({f.worker})
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {rows.length ? (
            <section aria-label="Results" className="scraper-results">
              <div className="scraper-results-head">
                <h4 className="scraper-heading">Results</h4>
                {csv ? (
                  <a className="button button-primary scraper-small" href={csv.url} download="quotes.csv">
                    Download CSV ({csv.rows} rows)
                  </a>
                ) : null}
              </div>
              <div className="scraper-table" role="region" aria-label="Scraped rows (scrolls)" tabIndex={0}>
                <table>
                  <caption className="sr-only">Scraped quotes, one row per company</caption>
                  <thead>
                    <tr>
                      <th scope="col">Symbol</th>
                      <th scope="col">Name</th>
                      <th scope="col">Sector</th>
                      <th scope="col" className="num">
                        Price
                      </th>
                      <th scope="col" className="num">
                        Change
                      </th>
                      <th scope="col" className="num">
                        Attempts
                      </th>
                      <th scope="col">Worker</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.symbol}>
                        <td>{row.symbol}</td>
                        <td>{row.name}</td>
                        <td>{row.sector}</td>
                        <td className="num">{money(row.price)}</td>
                        <td className="num">{percent(row.change)}</td>
                        <td className="num">{row.attempts}</td>
                        <td>{row.worker}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </div>
      ) : null}
    </DemoFrame>
  )
}
