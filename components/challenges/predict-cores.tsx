'use client'

import { useCores } from '@/components/demo-kit/use-cores'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { sharedNow as now } from '@/workers/clock'
import type { CoresApi } from '@/workers/entry/cores.worker'
import { maxWorkers } from '@/workers/limits'
import { PredictForm } from './challenge-form'
import { coresCase, judgePrediction } from './predict-check'

/** The workers a run starts: twice this device's cores, so that some must wait for a core. */
export const workersFor = (cores: number) => Math.min(2 * cores, maxWorkers)

/**
 * "How many run at once?", predicted: the learner writes down the wall time of twice as many
 * workers as cores, each with `seconds` of computing; then the cores demo's workers run it here.
 */
export function PredictCores({ seconds = 1 }: { seconds?: number }) {
  const { group } = useWorkers<CoresApi>(() => new Worker(new URL('../../workers/entry/cores.worker.ts', import.meta.url), { type: 'module', name: 'cores' }))
  const cores = useCores()
  const workers = cores ? workersFor(cores) : null

  return (
    <PredictForm
      label="Your prediction: seconds until the last worker finishes"
      disabled={!cores || !workers}
      measure={async (prediction, signal, say) => {
        say(`Starting ${workers} workers…`)
        const spawned = Array.from({ length: workers! }, () => group.spawn({ signal }))
        try {
          // As the cores demo does: warm every worker up, then size the work on one worker alone.
          await Promise.all(spawned.map(({ api }) => api.calibrate(40)))
          const perMs = await spawned[0]!.api.calibrate(50, 6)
          say(`Running ${workers} workers with ${seconds} s of work each…`)
          const t0 = now()
          const runs = await Promise.all(spawned.map(({ api }) => api.work(Math.round(perMs * seconds * 1000))))
          const measured = (Math.max(...runs.map((run) => run.end)) - t0) / 1000
          return judgePrediction(prediction, measured, coresCase(workers!, cores!, seconds))
        } finally {
          group.terminateAll()
        }
      }}
    >
      This device reports <strong>{cores ?? '…'}</strong> cores. The run: <strong>{workers ?? '…'}</strong> workers, each with {seconds} s of computing.
    </PredictForm>
  )
}
