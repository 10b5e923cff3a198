import type { RequestSpan } from './fetch-all'
import { axisTime } from '@/lib/format'
import './waterfall.css'

const outcomeLabel = { ok: 'answered', error: 'failed', timeout: 'timed out' } as const
const flightFill = { running: 'wf-running', ok: 'bg-async', error: 'bg-danger', timeout: 'bg-deep' } as const
/** A bar on a request's track, placed by its style. */
const segment = 'absolute inset-y-0 min-w-0.5 rounded-sm'
/** A legend's sample of a bar. */
const key = 'relative mr-1 inline-block h-2.75 w-5.5 rounded-sm align-middle'

function describe(span: RequestSpan, now: number) {
  const parts = [`Request ${span.index + 1}`]
  if (span.start === undefined) return `${parts[0]}: waiting for a slot`
  if (span.created !== undefined && span.start - span.created > 1) parts.push(`waited ${axisTime(span.start - span.created, 2)} for a slot`)
  if (span.sent !== undefined && span.sent - span.start > 2) parts.push(`queued ${axisTime(span.sent - span.start, 2)} by the browser`)
  parts.push(span.end === undefined ? `in flight for ${axisTime(now - span.start, 2)}` : `${outcomeLabel[span.outcome ?? 'ok']} after ${axisTime(span.end - (span.sent ?? span.start), 2)}`)
  if (span.detail) parts.push(span.detail)
  return parts.join(', ')
}

/** Requests over time, one row each: waiting for a slot, queued by the browser, then in flight. */
export function Waterfall({ spans, now, label }: { spans: readonly RequestSpan[]; now: number; label: string }) {
  const total = Math.max(now, ...spans.map((s) => s.end ?? 0), 1)
  const pct = (t: number) => `${(Math.min(t, total) / total) * 100}%`
  const width = (a: number, b: number) => `${(Math.max(Math.min(b, total) - a, 0) / total) * 100}%`
  const compact = spans.length > 12
  return (
    <figure className="m-0 grid gap-1.5" aria-label={label} data-compact={compact ? '' : undefined}>
      <ol className="m-0 grid list-none gap-0.5 p-0">
        {spans.map((span) => {
          const end = span.end ?? now
          const onWire = span.sent ?? span.start
          return (
            <li key={span.index} className="grid grid-cols-[2.6rem_1fr] items-center gap-2" title={describe(span, now)}>
              <span className={`text-right font-mono text-muted ${compact ? 'text-tiny/2' : 'text-label'}`}>{compact && (span.index + 1) % 5 !== 0 && span.index !== 0 ? '' : `#${span.index + 1}`}</span>
              <span className={`relative rounded-sm bg-surface-2 ${compact ? 'h-2' : 'h-4.5'}`}>
                {span.created !== undefined && span.start !== undefined && span.start - span.created > 1 ? (
                  <span className={`${segment} wf-wait`} style={{ left: pct(span.created), width: width(span.created, span.start) }} />
                ) : null}
                {span.created !== undefined && span.start === undefined ? (
                  <span className={`${segment} wf-wait`} style={{ left: pct(span.created), width: width(span.created, now) }} />
                ) : null}
                {span.start !== undefined && span.sent !== undefined && span.sent - span.start > 2 ? (
                  <span className={`${segment} wf-queued`} style={{ left: pct(span.start), width: width(span.start, span.sent) }} />
                ) : null}
                {onWire !== undefined ? (
                  <span
                    className={`${segment} ${flightFill[span.end === undefined ? 'running' : (span.outcome ?? 'ok')]}`}
                    data-outcome={span.end === undefined ? 'running' : span.outcome}
                    style={{ left: pct(onWire), width: width(onWire, end) }}
                  />
                ) : null}
              </span>
              <span className="sr-only">{describe(span, now)}</span>
            </li>
          )
        })}
      </ol>
      <div className="ml-12.5 flex justify-between font-mono text-label text-muted" aria-hidden="true">
        <span>0</span>
        <span>{axisTime(total / 2, 2)}</span>
        <span>{axisTime(total, 2)}</span>
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-caption text-muted">
        <span>
          <i className={`${key} wf-wait`} /> waiting for the semaphore
        </span>
        <span>
          <i className={`${key} wf-queued`} /> queued by the browser
        </span>
        <span>
          <i className={`${key} bg-async`} data-outcome="ok" /> in flight
        </span>
        <span>
          <i className={`${key} bg-danger`} data-outcome="error" /> error
        </span>
        <span>
          <i className={`${key} bg-deep`} data-outcome="timeout" /> timed out
        </span>
      </figcaption>
    </figure>
  )
}
