'use client'

import { useRef, useState } from 'react'
import { DemoControl } from '@/components/demo-kit/control-field'
import { choice, int } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { fetchAll, modes, type RequestSpan } from './async-fetch/fetch-all'
import { pageQuiet } from './async-fetch/page-quiet'
import { Waterfall } from './async-fetch/waterfall'
import { seconds } from '@/lib/format'
import { useRunClock } from '@/components/demo-kit/use-live-view'

const controls = {
  mode: choice({
    label: 'Mode',
    options: modes.map((value) => ({ value, label: value })),
    default: 'gather',
    help: 'bounded: gather with an asyncio.Semaphore(limit)',
  }),
  requests: int({ label: 'Requests', min: 1, max: 50, default: 10 }),
  delay: int({ label: 'Server delay', min: 0, max: 5000, default: 1000, unit: 'ms' }),
  limit: int({ label: 'Limit', min: 1, max: 20, default: 3, help: 'Requests in flight at once, in bounded mode.' }),
  timeout: int({ label: 'Timeout', min: 0, max: 10_000, default: 0, unit: 'ms', help: 'Per request; 0 for none.' }),
  fail: int({ label: 'Fail every', min: 0, max: 50, default: 0, help: 'Every Nth request answers 503; 0 for none.' }),
}

export type AsyncFetchResult = { mode: (typeof modes)[number]; ms: number; ok: number; failed: number; most: number }

/** The most intervals open at one instant. */
function mostAtOnce(intervals: [number, number][]) {
  const edges = intervals.flatMap(([a, b]) => [
    [a, 1],
    [b, -1],
  ]) as [number, number][]
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  let open = 0
  let most = 0
  for (const [, change] of edges) most = Math.max(most, (open += change))
  return most
}


/** Real requests to this site's /api/delay, one after another, all at once, or bounded by a semaphore. */
export function AsyncFetchDemo() {
  const [spans, setSpans] = useState<RequestSpan[]>([])
  // The waterfall's running bars are redrawn ten times a second.
  const { clock, start: startClock, stop: stopClock } = useRunClock(() => performance.now(), 10)
  const frame = useRef(0)

  const demo = useDemo({
    id: 'async-fetch',
    controls,
    requiresNetwork: true,
    run: async ({ mode, requests, delay, limit, timeout, fail }, { signal }) => {
      const run = Date.now().toString(36)
      const urls = Array.from(
        { length: requests },
        (_, i) => `/api/delay?ms=${delay}&id=${run}-${i + 1}${fail > 0 && (i + 1) % fail === 0 ? '&status=503' : ''}`,
      )
      await pageQuiet()
      signal.throwIfAborted()
      performance.clearResourceTimings()
      setSpans([])
      startClock()
      try {
        const result = await fetchAll({
          mode,
          urls,
          limit,
          timeout: timeout || null,
          signal,
          // Redraw at most once per frame, however many requests change at once.
          onUpdate: (current) => {
            cancelAnimationFrame(frame.current)
            frame.current = requestAnimationFrame(() => setSpans(current.map((span) => ({ ...span }))))
          },
        })
        cancelAnimationFrame(frame.current)
        setSpans(result.spans.map((span) => ({ ...span })))
        const most = mostAtOnce(result.spans.map((s) => [s.start!, s.end!]))
        // Sent, as the browser reports it: fewer than `most` when it held requests back.
        const sent = mostAtOnce(result.spans.map((s) => [s.sent ?? s.start!, s.end!]))
        const ms = Math.round(result.ms)
        return {
          result: { mode, ms, ok: result.ok, failed: result.failed, most } satisfies AsyncFetchResult,
          summary:
            `${requests} request${requests === 1 ? '' : 's'} (${mode}${mode === 'bounded' ? `, limit ${limit}` : ''}) took ${seconds(ms)}: ` +
            `${result.ok} answered, ${result.failed} failed; at most ${most} in flight at once` +
            (sent < most ? `, of which the browser sent at most ${sent} at a time.` : '.'),
        }
      } finally {
        stopClock()
      }
    },
  })

  const mode = demo.values?.mode ?? demo.raws.mode
  const queued = spans.some((s) => s.sent !== undefined && s.start !== undefined && s.sent - s.start > 20)
  const failures = spans.filter((s) => s.outcome === 'error' || s.outcome === 'timeout')
  const now = clock ? clock.now - clock.t0 : 0

  return (
    <DemoFrame
      demo={demo}
      title="Many requests, one thread"
      description="Each request asks this site's /api/delay to wait, then answer. Sequential awaits one at a time; gather starts them all; bounded lets at most limit run at once."
      runLabel="the requests"
      controls={(Object.keys(controls) as (keyof typeof controls)[])
        .filter((name) => name !== 'limit' || mode === 'bounded' || demo.errors.limit)
        .map((name) => (
          <DemoControl key={name} demo={demo} name={name} disabled={demo.state === 'running'} />
        ))}
    >
      {spans.length ? (
        <>
          <Waterfall spans={spans} now={clock ? now : Math.max(...spans.map((s) => s.end ?? 0))} label="When each request waited, and when it was in flight" />
          {queued ? (
            <p className="mt-3 mb-0 rounded-md border-l-4 border-thread bg-thread-soft px-3 py-2 text-ui">
              The hatched parts are requests the browser held back: over HTTP/1.1 it opens at most 6 connections to one server, so
              the rest queue even under gather. A hidden semaphore! aiohttp has one too: its connector allows 100 connections by
              default.
            </p>
          ) : null}
          {failures.length ? (
            <ul className="mt-3 mb-0 pl-5 text-detail" aria-label="Failed requests">
              {failures.slice(0, 8).map((s) => (
                <li key={s.index}>
                  Request {s.index + 1}: {s.detail}
                </li>
              ))}
              {failures.length > 8 ? <li>…and {failures.length - 8} more.</li> : null}
            </ul>
          ) : null}
        </>
      ) : null}
    </DemoFrame>
  )
}
