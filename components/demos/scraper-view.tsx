'use client'

import { useId, type ReactNode } from 'react'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { Timeline, type TimelineLane } from '@/components/demo-kit/timeline'
import { seconds } from '@/lib/format'
import type { PipelineSnapshot, WorkerState } from '@/lib/scraper/pipeline'
import { ScraperFailures, ScraperResults, type Csv } from './scraper-results'

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

/** The pipeline as it runs: progress, figures, queues, workers and their requests; the rows once it is done. */
export function ScraperView({ snapshot, running, csv }: { snapshot: PipelineSnapshot; running: boolean; csv: Csv | null }) {
  return (
    <div className="scraper-live">
      <Progress snapshot={snapshot} />
      <Stats>
        <Stat label="Rows">{snapshot.rows.length}</Stat>
        <Stat label="Failed">{snapshot.failures.length}</Stat>
        <Stat label="Retries">{snapshot.retries}</Stat>
        <Stat label="Requests">{snapshot.requests}</Stat>
        <Stat label="Time">{seconds(snapshot.elapsed, 1)}</Stat>
      </Stats>
      <div className="scraper-columns">
        <Queues snapshot={snapshot} />
        <Workers snapshot={snapshot} />
      </div>
      <Requests snapshot={snapshot} />
      {snapshot.failures.length ? <ScraperFailures failures={snapshot.failures} /> : null}
      {running || !snapshot.rows.length ? null : <ScraperResults rows={snapshot.rows} csv={csv} />}
    </div>
  )
}

function Progress({ snapshot }: { snapshot: PipelineSnapshot }) {
  const id = useId()
  const done = snapshot.rows.length + snapshot.failures.length
  return (
    <div className="scraper-progress">
      <label htmlFor={id}>{snapshot.discovered ? `${done} of ${snapshot.discovered} companies` : 'Reading the list page…'}</label>
      <progress id={id} max={snapshot.discovered || 1} value={snapshot.discovered ? done : undefined} />
    </div>
  )
}

/** A boxed list with its heading, which also names it. */
function Panel({ title, className, children }: { title: string; className: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="scraper-panel demo-box">
      <h4 className="scraper-heading">{title}</h4>
      <ul className={className}>{children}</ul>
    </section>
  )
}

function Queues({ snapshot }: { snapshot: PipelineSnapshot }) {
  return (
    <Panel title="Queues" className="scraper-queues">
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
    </Panel>
  )
}

function Workers({ snapshot }: { snapshot: PipelineSnapshot }) {
  return (
    <Panel title="Workers" className="scraper-workers">
      {snapshot.workers.map((w) => (
        <li key={w.id} data-state={w.state}>
          <span className="scraper-worker-id">{w.id}</span>
          <span className="scraper-worker-state">
            {stateLabels[w.state]}
            {w.item ? ` ${w.item}` : ''}
          </span>
        </li>
      ))}
    </Panel>
  )
}

/** Each worker's requests over time, the sink left out: it makes none. */
function Requests({ snapshot }: { snapshot: PipelineSnapshot }) {
  const lanes: TimelineLane[] = snapshot.workers
    .filter((w) => w.kind !== 'sink')
    .map((w) => ({
      label: w.id,
      spans: snapshot.spans.filter((s) => s.worker === w.id).map((s) => ({ start: s.start, end: s.end, label: `${s.kind} ${s.item}`, tone: spanTones[s.kind] })),
    }))
  if (!lanes.length) return null
  return (
    <>
      <Timeline lanes={lanes} now={snapshot.elapsed} label="Requests over time: fetching (green), failed (red), backing off (amber)" />
      <p className="scraper-legend" aria-hidden="true">
        <span className="scraper-key" style={{ background: spanTones.fetch }} /> fetching <span className="scraper-key" style={{ background: spanTones.failed }} /> failed (503){' '}
        <span className="scraper-key" style={{ background: spanTones.backoff }} /> backing off before a retry
      </p>
    </>
  )
}
