'use client'

import { useState } from 'react'
import { int } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { doubleIn, timeSending, type Sharing } from '@/workers/page/memory'
import type { MemoryApi } from '@/workers/entry/memory.worker'

const controls = {
  mb: int({ label: 'Buffer size', min: 1, max: 128, default: 32, unit: 'MB', help: 'For the timing: 1 to 128 MB.' }),
}

type Arrays = { page: number[]; worker: number[] }
type Timing = { how: Sharing; ms: number; leftOnPage: number }

const ways: Record<Sharing, { label: string; tone: string; note: (left: number) => string }> = {
  copy: { label: 'Copied', tone: 'bg-process', note: () => 'the page keeps its buffer; the worker gets a copy' },
  transfer: { label: 'Transferred', tone: 'bg-async', note: (left) => `moved, not copied: the page's buffer now holds ${left} bytes` },
  share: { label: 'Shared', tone: 'bg-thread', note: () => 'nothing moves: both see one buffer' },
}
const msText = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
const list = (numbers: number[]) => `[${numbers.join(', ')}]`

function ArrayFigure({ title, arrays, before }: { title: string; arrays: Arrays; before: number[] }) {
  const changed = list(arrays.page) !== list(before)
  return (
    <figure className="demo-box m-0">
      <figcaption className="mb-1.5 font-semibold">{title}</figcaption>
      <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-detail [&_dd]:m-0 [&_dd]:font-mono [&_dt]:text-muted">
        <dt>sent</dt>
        <dd>{list(before)}</dd>
        <dt>worker’s array</dt>
        <dd>{list(arrays.worker)}</dd>
        <dt>page’s array</dt>
        <dd data-changed={changed ? '' : undefined} className={changed ? 'font-bold text-success' : undefined}>
          {list(arrays.page)} {changed ? '(changed)' : '(unchanged)'}
        </dd>
      </dl>
    </figure>
  )
}

/** Separate memory made visible: a copy the worker changes alone, a shared buffer both see; and what sending a big buffer costs. */
export function MemoryDemo() {
  const { group } = useWorkers<MemoryApi>(() => new Worker(new URL('../../workers/entry/memory.worker.ts', import.meta.url), { type: 'module', name: 'memory' }))
  const [copied, setCopied] = useState<Arrays | null>(null)
  const [shared, setShared] = useState<Arrays | null>(null)
  const [timings, setTimings] = useState<Timing[]>([])

  const demo = useDemo({
    id: 'memory',
    controls,
    requiresIsolation: true,
    run: async ({ mb }, { signal }) => {
      setCopied(null)
      setShared(null)
      setTimings([])
      const worker = group.spawn({ signal })
      try {
        const copy = await doubleIn(worker, false)
        setCopied(copy)
        const share = await doubleIn(worker, true)
        setShared(share)
        const bytes = mb * 1024 * 1024
        const measured: Timing[] = []
        for (const how of ['copy', 'transfer', 'share'] as const) {
          measured.push({ how, ...(await timeSending(worker, how, bytes)) })
          setTimings([...measured])
        }
        const [c, t, s] = measured as [Timing, Timing, Timing]
        return {
          result: {
            copied: copy,
            shared: { page: share.page, worker: share.worker },
            mb,
            copyMs: Number(c.ms.toFixed(2)),
            transferMs: Number(t.ms.toFixed(2)),
            shareMs: Number(s.ms.toFixed(2)),
          },
          summary:
            `The worker doubled its copy and the page's array stayed ${list(copy.page)}; over shared memory the page's array became ${list(share.page)}. ` +
            `Sending ${mb} MB: copied ${msText(c.ms)}, transferred ${msText(t.ms)}, shared ${msText(s.ms)}.`,
        }
      } finally {
        group.terminate(worker)
      }
    },
  })

  const longest = Math.max(...timings.map((t) => t.ms), 0.001)

  return (
    <DemoFrame
      demo={demo}
      title="Separate memory, shared memory"
      description="A worker doubles every number of the array it receives. Sent as a copy, then over a SharedArrayBuffer: whose array changes? Then a big buffer is copied, transferred and shared, and timed."
      runLabel="the experiment"
    >
      {copied || shared ? (
        <div className="grid grid-cols-panels gap-3">
          {copied ? <ArrayFigure title="Sent as a copy (like pickling to a process)" arrays={copied} before={[1, 2, 3, 4]} /> : null}
          {shared ? <ArrayFigure title="Sent over a SharedArrayBuffer (like a thread’s memory)" arrays={shared} before={[1, 2, 3, 4]} /> : null}
        </div>
      ) : null}
      {timings.length ? (
        <dl className="mt-3 mb-0 grid gap-2" aria-label={`Time for ${demo.values?.mb ?? ''} MB to reach the worker`}>
          {timings.map((t) => (
            <div key={t.how} className="grid grid-cols-[6rem_1fr_5rem] items-center gap-2.5 xs:grid-cols-[9rem_1fr_6.5rem]">
              <dt className="text-code text-muted">{ways[t.how].label}</dt>
              <dd className="m-0">
                <span className={`block h-4 min-w-[3px] rounded-sm ${ways[t.how].tone}`} style={{ width: `${Math.max(0.5, (100 * t.ms) / longest)}%` }} />
              </dd>
              <dd className="m-0 text-right font-mono text-code">{msText(t.ms)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {timings.length ? (
        <ul className="mt-2 text-sm text-muted">
          {timings.map((t) => (
            <li key={t.how}>
              <strong>{ways[t.how].label}:</strong> {ways[t.how].note(t.leftOnPage)}.
            </li>
          ))}
        </ul>
      ) : null}
    </DemoFrame>
  )
}
