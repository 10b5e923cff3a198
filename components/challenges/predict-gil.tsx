'use client'

import { useState } from 'react'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { useChallenge } from '@/components/mdx/challenge-client'
import type { GilApi } from '@/workers/entry/gil.worker'
import { runGilLab } from '@/workers/page/gil-lab'
import { NumberField, RunBar, useMeasuredRun } from './challenge-form'
import { gilCase, judgePrediction, parsePrediction } from './predict-check'

const words = { cpu: 'CPU-bound', io: 'I/O-bound' } as const

/**
 * Predict the speedup of `workers` threads sharing one GIL over one thread, then run the GIL lab's
 * own workers: one thread alone (twice, keeping the faster, as the lab does), then `workers`.
 */
export function PredictGil({ workload, workers = 4 }: { workload: 'cpu' | 'io'; workers?: number }) {
  const { group } = useWorkers<GilApi>(() => new Worker(new URL('../../workers/entry/gil.worker.ts', import.meta.url), { type: 'module', name: 'gil' }))
  const { attempt } = useChallenge()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { running, phase, failure, start } = useMeasuredRun()

  return (
    <form
      className="not-prose mt-3 grid gap-3"
      onSubmit={(event) => {
        event.preventDefault()
        const prediction = parsePrediction(text)
        setError('error' in prediction ? prediction.error : null)
        if ('error' in prediction) return
        void start(async (signal, say) => {
          const time = (n: number) => runGilLab(group, { mode: 'threads', workload, workers: n }, { signal }).then((result) => result.ms)
          say('Timing 1 thread, the baseline…')
          const first = await time(1)
          say('Timing 1 thread again, to be sure of the baseline…')
          const one = Math.min(first, await time(1))
          say(`Timing ${workers} threads sharing one GIL…`)
          const ms = await time(workers)
          attempt(judgePrediction(prediction.value, one / ms, gilCase(workload, workers)))
        })
      }}
    >
      <p className="m-0 text-sm">
        The run: the GIL lab&rsquo;s {words[workload]} work, the same total split among <strong>{workers}</strong> threads that share one GIL, against 1 thread doing all of it.
      </p>
      <NumberField label={`Your prediction: how many times faster ${workers} threads are than 1`} value={text} onChange={setText} error={error} disabled={running} />
      <RunBar label="Run and compare" running={running} phase={phase} failure={failure} />
    </form>
  )
}
