'use client'

import { useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { bool, int, intOrNone } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { defaultChunksize, Pool } from '@/workers/page/pool'
import type { PoolApi, PoolTasks } from '@/workers/entry/pool.worker'
import { itemRanges, workerHue } from './multiprocessing-view'
import { maxWorkers } from '@/workers/limits'

const controls = {
  multiplier: int({ label: 'multiplier', min: -1000, max: 1000, default: 2, help: 'Fixed once with partial(square_number, multiplier=…).' }),
  n: int({ label: 'n', min: 1, max: 1000, default: 10, help: 'The items are range(n).' }),
  workers: int({ label: 'Workers', min: 1, max: maxWorkers, default: 4, help: 'Pool(processes=…)' }),
  chunksize: intOrNone({
    label: 'chunksize',
    min: 1,
    max: 1000,
    none: 'auto',
    default: null,
    help: 'auto is chunksize=None, the default: map picks n ÷ (4 × workers), rounded up, as CPython does.',
    refuse: {
      0: 'chunksize=0 does not mean “let map choose”: CPython’s Pool.map(…, chunksize=0) returns [None] * n without calling square_number, and imap raises ValueError. Type auto for chunksize=None.',
    },
  }),
  fail: bool({ label: 'square_number raises on the last item', default: false }),
}

type View = { results: number[]; owners: number[]; workers: number; chunks: number; startupMs: number }

/** Errors raised in a worker arrive with their Python-style name; say where they came from. */
function reraised(error: unknown, worker: number | undefined): Error {
  if (!(error instanceof Error) || error.name === 'AbortError') return error as Error
  const where = worker === undefined ? 'in a worker' : `in worker ${worker + 1}`
  return new Error(`${error.name}: ${error.message}. Raised ${where}; pool.map re-raised it here. The workers survive a task's error; the run's end then terminated the pool, as leaving a with Pool() block does.`)
}

/** The notes' Pool example, live: partial(square_number, multiplier) mapped over range(n) by a pool of workers. */
export function PoolMapDemo() {
  const { group, alive } = useWorkers<PoolApi>(() => new Worker(new URL('../../workers/entry/pool.worker.ts', import.meta.url), { type: 'module', name: 'pool' }))
  const [view, setView] = useState<View | null>(null)

  const demo = useDemo({
    id: 'pool-map',
    controls,
    run: async ({ multiplier, n, workers, chunksize, fail }, { signal }) => {
      setView(null)
      const started = performance.now()
      const pool = new Pool<PoolTasks>(group, { size: workers, signal })
      const owners: number[] = new Array(n)
      const size = chunksize ?? defaultChunksize(n, workers)
      const failAt = fail ? n - 1 : null
      try {
        await pool.ready()
        const startupMs = performance.now() - started
        // #region map
        const squareNumber = pool.partial('squareNumber', multiplier, failAt)
        const results = await pool.map(squareNumber, range(n), {
          chunksize: size,
          onChunk: (chunk) => {
            if (chunk.type === 'start') owners.fill(chunk.worker, chunk.first, chunk.first + chunk.count)
          },
        })
        // #endregion
        const chunks = Math.ceil(n / size)
        setView({ results, owners, workers, chunks, startupMs })
        const used = new Set(owners).size
        return {
          result: { results, workers, chunksize: size, chunks },
          summary:
            `pool.map returned ${n} result${n === 1 ? '' : 's'} in input order, computed by ${used} of ${workers} ` +
            `worker${workers === 1 ? '' : 's'} in ${chunks} chunk${chunks === 1 ? '' : 's'} of up to ${size}` +
            (chunksize === null ? `, the size chunksize=None picks for ${n} item${n === 1 ? '' : 's'} on ${workers} worker${workers === 1 ? '' : 's'}.` : '.'),
        }
      } catch (error) {
        throw reraised(error, failAt === null ? undefined : owners[failAt])
      } finally {
        pool.terminate()
      }
    },
  })

  return (
    <DemoFrame
      demo={demo}
      title="Pool.map with partial"
      description="A pool of Web Workers squares every n in range(n) and multiplies it by the fixed multiplier. Each result shows which worker computed it."
      runLabel="pool.map"
    >
      <Stats>
        <Stat label="Workers alive">{alive}</Stat>
        {view ? (
          <>
            <Stat label="Chunks sent">{view.chunks}</Stat>
            <Stat label="Pool start-up">{Math.round(view.startupMs)} ms</Stat>
          </>
        ) : null}
      </Stats>
      {view ? <PoolMapResult view={view} /> : null}
    </DemoFrame>
  )
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

function PoolMapResult({ view }: { view: View }) {
  const { results, owners, workers } = view
  const compact = results.length > 60
  return (
    <div className="grid gap-4">
      <figure className="m-0 rounded-box border border-border bg-bg">
        <figcaption className="border-b border-border px-3 py-1.5 font-mono text-tag text-muted">print(results)</figcaption>
        <pre className="m-0 max-h-48 overflow-auto px-3 py-2.5 font-mono text-detail wrap-break-word whitespace-pre-wrap" tabIndex={0}>[{results.join(', ')}]</pre>
      </figure>
      {compact ? (
        <div className="flex flex-wrap gap-0.5" aria-hidden="true">
          {results.map((_, i) => (
            <span key={i} className="worker-hue size-2.5 rounded-xs bg-worker" style={{ ['--hue' as string]: workerHue(owners[i]!) }} title={`n = ${i}: worker ${owners[i]! + 1}`} />
          ))}
        </div>
      ) : (
        <ol className="m-0 grid list-none grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-1.5 p-0" aria-label="Each item, its result, and the worker that computed it">
          {results.map((value, i) => (
            <li
              key={i}
              className="worker-hue grid min-w-0 grid-cols-[1fr_auto] gap-x-2 rounded-md border border-l-5 border-border border-l-worker bg-worker-soft px-2.5 py-1.5 font-mono text-caption"
              style={{ ['--hue' as string]: workerHue(owners[i]!) }}
            >
              <span className="col-span-full text-muted">square_number({i})</span>
              <span className="text-base/[inherit] font-bold">{value}</span>
              <span className="self-end text-label">worker {owners[i]! + 1}</span>
            </li>
          ))}
        </ol>
      )}
      <ul className="m-0 grid list-none gap-1 p-0 text-detail" aria-label="Items each worker computed">
        {Array.from({ length: workers }, (_, w) => {
          const mine = itemRanges(owners, w)
          return (
            <li key={w} className="worker-hue flex items-baseline gap-2" style={{ ['--hue' as string]: workerHue(w) }}>
              <span className="size-3 flex-none translate-y-0.5 rounded-xs bg-worker" aria-hidden="true" />
              worker {w + 1}: {mine.count ? `${mine.count} item${mine.count === 1 ? '' : 's'} (n = ${mine.text})` : 'no items: the others took them all'}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
