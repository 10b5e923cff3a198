'use client'

import type { ReactNode } from 'react'
import { useId, useState } from 'react'
import { DemoControl } from '@/components/demo-kit/control-field'
import { choice, int } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { patternIds, patterns, timed, type PatternId } from './patterns'

/** The Python and TypeScript twins side by side, or one above the other when narrow. */
const twinsGrid = 'grid grid-cols-[repeat(auto-fit,minmax(min(100%,24rem),1fr))] gap-x-4 *:min-w-0 [&_.code-block]:mt-1.5 [&_.code-block]:mb-3'

type Twin = { python: ReactNode; typescript: ReactNode }
export type Twins = Record<PatternId, Twin>

const controls = {
  pattern: choice({
    label: 'Pattern',
    options: patternIds.map((id) => ({ value: id, label: patterns[id].label })),
    default: 'gather',
  }),
  work: int({ label: 'Each fetch takes', min: 100, max: 5000, default: 1000, unit: 'ms' }),
  timeout: int({ label: 'Timeout / cancel after', min: 100, max: 5000, default: 500, unit: 'ms' }),
}

/** What to look for in each pattern's log. */
const notice: Record<PatternId, string> = {
  gather:
    'All three fetches start before any finishes, so the whole takes one fetch’s time. Promise.all, like gather, keeps the results in the order given.',
  create_task:
    'The promise’s code ran before the next line: “fetch 1 starts” comes first. In Python, create_task only schedules the coroutine, so Python prints “task created” first (unless eager tasks, 3.12+, are on).',
  wait_for:
    'When the timeout fires, the fetch is cancelled, not just abandoned: it logs “cancelled”. Set the timeout above the fetch time and it returns normally.',
  cancel:
    'Cancelling is a request: the task sees it at its await (CancelledError in Python, an AbortError here), can clean up, and the caller learns of it when it awaits the task.',
  return_exceptions:
    'One fetch fails, and the others still finish. The failure is one of the results, as gather(..., return_exceptions=True) returns it; Promise.allSettled does the same.',
}

type Line = { t: number; message: string }

/** asyncio's task patterns with real Promises, each beside its Python twin. */
export function TasksClient({ twins, helper }: { twins: Twins; helper: Twin }) {
  const [log, setLog] = useState<Line[]>([])
  const ids = useId()
  const demo = useDemo({
    id: 'tasks',
    controls,
    run: async ({ pattern, work, timeout }, { signal }) => {
      const lines: Line[] = []
      setLog([])
      const t0 = performance.now()
      const write = (message: string) => {
        lines.push({ t: performance.now() - t0, message })
        setLog([...lines])
      }
      await patterns[pattern].run({ log: write, signal, work, timeout })
      const ms = Math.round(performance.now() - t0)
      return {
        result: { pattern, ms, log: lines.map((line) => line.message) },
        summary: `${patterns[pattern].label}: done in ${(ms / 1000).toFixed(2)} s, ${lines.length} lines logged.`,
      }
    },
  })
  const running = demo.state === 'running'
  const pattern = demo.values?.pattern ?? (patternIds.includes(demo.raws.pattern as PatternId) ? (demo.raws.pattern as PatternId) : 'gather')
  const field = (name: keyof typeof controls) => <DemoControl key={name} demo={demo} name={name} disabled={running} />

  return (
    <DemoFrame
      demo={demo}
      title="Tasks, with real Promises"
      description="Each asyncio pattern and its JavaScript twin. Run it: the log below is what the Promises really did, with times."
      runLabel="the pattern"
      controls={
        <>
          {field('pattern')}
          {field('work')}
          {timed.includes(pattern) || demo.errors.timeout ? field('timeout') : null}
        </>
      }
    >
      <section aria-labelledby={`${ids}-log`} className="demo-box">
        <h4 id={`${ids}-log`} className="demo-label">
          Log
        </h4>
        <pre className="demo-log mt-1.5 min-h-16">
          {log.length ? log.map((line) => `${(line.t / 1000).toFixed(1)} s  ${line.message}`).join('\n') : 'Run the pattern to see its log.'}
        </pre>
      </section>
      <p className="my-3.5">
        <strong>Notice:</strong> {notice[pattern]}
      </p>
      <div className={twinsGrid}>
        <div>
          <p className="demo-label">Python (asyncio)</p>
          {twins[pattern].python}
        </div>
        <div>
          <p className="demo-label">TypeScript (Promises): this runs</p>
          {twins[pattern].typescript}
        </div>
      </div>
      <details className="group">
        <summary className="cursor-pointer font-semibold group-open:mb-2">fetch_data and its twin, which every pattern uses</summary>
        <div className={twinsGrid}>
          <div>{helper.python}</div>
          <div>{helper.typescript}</div>
        </div>
      </details>
    </DemoFrame>
  )
}
