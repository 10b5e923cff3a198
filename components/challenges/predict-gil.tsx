'use client'

import { useWorkers } from '@/components/demo-kit/use-workers'
import type { GilApi } from '@/workers/entry/gil.worker'
import { runGilLab } from '@/workers/page/gil-lab'
import { PredictForm } from './challenge-form'
import { gilCase, judgePrediction } from './predict-check'

const words = { cpu: 'CPU-bound', io: 'I/O-bound' } as const

/**
 * Predict the speedup of `workers` threads sharing one GIL over one thread, then run the GIL lab's
 * own workers: one thread alone (twice, keeping the faster, as the lab does), then `workers`.
 */
export function PredictGil({ workload, workers = 4 }: { workload: 'cpu' | 'io'; workers?: number }) {
  const { group } = useWorkers<GilApi>(() => new Worker(new URL('../../workers/entry/gil.worker.ts', import.meta.url), { type: 'module', name: 'gil' }))

  return (
    <PredictForm
      label={`Your prediction: how many times faster ${workers} threads are than 1`}
      measure={async (prediction, signal, say) => {
        const time = (n: number) => runGilLab(group, { mode: 'threads', workload, workers: n }, { signal }).then((result) => result.ms)
        say('Timing 1 thread, the baseline…')
        const first = await time(1)
        say('Timing 1 thread again, to be sure of the baseline…')
        const one = Math.min(first, await time(1))
        say(`Timing ${workers} threads sharing one GIL…`)
        const ms = await time(workers)
        return judgePrediction(prediction, one / ms, gilCase(workload, workers))
      }}
    >
      The run: the GIL lab&rsquo;s {words[workload]} work, the same total split among <strong>{workers}</strong> threads that share one GIL, against 1 thread doing all of it.
    </PredictForm>
  )
}
