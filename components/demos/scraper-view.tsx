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

/** A worker's left edge and background: green fetching, amber backing off, brown waiting, grey done. */
const stateTones: Record<WorkerState, string> = {
  starting: 'border-l-border',
  waiting: 'border-l-border',
  queued: 'border-l-thread bg-thread-soft',
  fetching: 'border-l-async bg-async-soft',
  backoff: 'border-l-pitfall bg-pitfall-soft',
  putting: 'border-l-thread bg-thread-soft',
  done: 'border-l-success text-muted',
}
/** A legend's sample of a colour on the lanes. */
const key = 'ml-1.5 inline-block size-3.5 rounded-sm'

/** The pipeline as it runs: progress, figures, queues, workers and their requests; the rows once it is done. */
export function ScraperView({ snapshot, running, csv }: { snapshot: PipelineSnapshot; running: boolean; csv: Csv | null }) {
  return (
    <div className="grid grid-cols-1 gap-4">
      <Progress snapshot={snapshot} />
      <Stats className="m-0 grid-cols-figures">
        <Stat label="Rows">{snapshot.rows.length}</Stat>
        <Stat label="Failed">{snapshot.failures.length}</Stat>
        <Stat label="Retries">{snapshot.retries}</Stat>
        <Stat label="Requests">{snapshot.requests}</Stat>
        <Stat label="Time">{seconds(snapshot.elapsed, 1)}</Stat>
      </Stats>
      <div className="grid grid-cols-panels gap-4">
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
    <div className="grid gap-1 font-semibold">
      <label htmlFor={id}>{snapshot.discovered ? `${done} of ${snapshot.discovered} companies` : 'Reading the list page…'}</label>
      <progress className="h-3.5 w-full accent-async" id={id} max={snapshot.discovered || 1} value={snapshot.discovered ? done : undefined} />
    </div>
  )
}

/** A boxed list with its heading, which also names it. */
function Panel({ title, className, children }: { title: string; className: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="demo-box px-3.5 py-3">
      <h4 className="demo-label mt-0 mb-2">{title}</h4>
      <ul className={className}>{children}</ul>
    </section>
  )
}

function Queues({ snapshot }: { snapshot: PipelineSnapshot }) {
  return (
    <Panel title="Queues" className="grid gap-2.5">
      {snapshot.queues.map((q) => {
        const scale = Math.max(q.maxsize || snapshot.discovered, q.peak, 1)
        return (
          <li key={q.name} className="grid grid-cols-[4.5rem_1fr] items-center gap-x-2.5 gap-y-1">
            <span className="font-mono text-small font-bold">{q.name}</span>
            <span className="relative h-3.5 overflow-hidden rounded-sm bg-surface-2" aria-hidden="true">
              <span className="absolute inset-y-0 left-0 bg-thread transition-[width] duration-150" style={{ width: `${(q.depth / scale) * 100}%` }} />
            </span>
            <span className="col-start-2 text-caption text-muted">
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
    <Panel title="Workers" className="grid gap-1">
      {snapshot.workers.map((w) => (
        <li key={w.id} data-state={w.state} className={`flex items-baseline gap-2.5 rounded-sm border-l-4 px-2 py-0.5 ${stateTones[w.state]}`}>
          <span className="min-w-22 font-mono text-small font-bold">{w.id}</span>
          <span className="text-code">
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
      <p className="-mt-2 mb-0 flex flex-wrap items-center gap-x-2 gap-y-1 text-caption text-muted" aria-hidden="true">
        <span className={`${key} bg-async`} /> fetching <span className={`${key} bg-danger`} /> failed (503){' '}
        <span className={`${key} bg-pitfall`} /> backing off before a retry
      </p>
    </>
  )
}
