'use client'

import { useState } from 'react'
import { int } from '@/components/demo-kit/controls'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { measureStartup, type StartupResult, type StartupSample } from '@/workers/page/startup'
import { median } from '@/workers/stats'
import type { StartupApi } from '@/workers/entry/startup.worker'

const controls = {
  repetitions: int({ label: 'Repetitions', min: 1, max: 30, default: 10, help: 'The median of these is shown.' }),
}

const msText = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
const usText = (us: number) => (us < 1 ? `${(us * 1000).toFixed(0)} ns` : `${us.toFixed(2)} µs`)
const times = (x: number) => `${Math.round(x).toLocaleString('en-US')}×`

/** Starting a worker (a process) vs messaging a running one vs calling a function, measured here and now. */
export function StartupDemo() {
  const { group } = useWorkers<StartupApi>(() => new Worker(new URL('../../workers/entry/startup.worker.ts', import.meta.url), { type: 'module', name: 'startup' }))
  const [samples, setSamples] = useState<StartupSample[]>([])
  const [result, setResult] = useState<StartupResult | null>(null)

  const demo = useDemo({
    id: 'startup',
    controls,
    run: async ({ repetitions }, { signal }) => {
      setSamples([])
      setResult(null)
      const measured = await measureStartup(group, repetitions, { signal, onSample: setSamples })
      setResult(measured)
      const ratio = (measured.startMs * 1000) / measured.callUs
      return {
        result: {
          repetitions,
          startMs: Number(measured.startMs.toFixed(2)),
          messageMs: Number(measured.messageMs.toFixed(3)),
          callUs: Number(measured.callUs.toFixed(4)),
          ratio: Math.round(ratio),
        },
        summary:
          `Starting a worker took ${msText(measured.startMs)} (median of ${repetitions}); a message to a running worker ` +
          `${msText(measured.messageMs)}; a function call ${usText(measured.callUs)}. Starting a worker cost as much as ${times(ratio)} calls.`,
      }
    },
  })

  const live = result ?? (samples.length ? { startMs: median(samples.map((s) => s.startMs)), messageMs: median(samples.map((s) => s.messageMs)) } : null)

  return (
    <DemoFrame
      demo={demo}
      title="What does starting a worker cost?"
      description="Each repetition starts a fresh worker and waits for its first answer, sends it one more message, then ends it; and calls the same function 10,000 times right here."
      runLabel="the timings"
    >
      <Stats>
        <Stat label="Start a worker">{live && msText(live.startMs)}</Stat>
        <Stat label="Message a running worker">{live && msText(live.messageMs)}</Stat>
        <Stat label="Call a function">{result && usText(result.callUs)}</Stat>
        <Stat label="Start ÷ call">{result && times((result.startMs * 1000) / result.callUs)}</Stat>
      </Stats>
      {samples.length ? (
        <div className="mt-4 max-h-64 overflow-auto" role="region" aria-label="Each repetition (scrolls)" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left font-semibold text-muted">
              Each repetition{demo.state === 'running' ? `: ${samples.length} so far` : ''}
            </caption>
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="py-1 pr-3 text-right">#</th>
                <th scope="col" className="py-1 pr-3 text-right">Start a worker</th>
                <th scope="col" className="py-1 text-right">Then one message</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {samples.map((s, i) => (
                <tr key={i} className="border-b border-border last:border-0">
                  <td className="py-1 pr-3 text-right">{i + 1}</td>
                  <td className="py-1 pr-3 text-right">{msText(s.startMs)}</td>
                  <td className="py-1 text-right">{msText(s.messageMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </DemoFrame>
  )
}
