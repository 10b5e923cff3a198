'use client'

import { useState } from 'react'
import { useCores } from '@/components/demo-kit/use-cores'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { useChallenge } from '@/components/mdx/challenge-client'
import { sharedNow as now } from '@/workers/clock'
import type { CoresApi } from '@/workers/entry/cores.worker'
import { maxWorkers } from '@/workers/limits'
import { NumberField, RunBar, useMeasuredRun } from './challenge-form'
import { coresCase, judgePrediction, parsePrediction } from './predict-check'

/** The workers a run starts: twice this device's cores, so that some must wait for a core. */
export const workersFor = (cores: number) => Math.min(2 * cores, maxWorkers)

/**
 * "How many run at once?", predicted: the learner writes down the wall time of twice as many
 * workers as cores, each with `seconds` of computing; then the cores demo's workers run it here.
 */
export function PredictCores({ seconds = 1 }: { seconds?: number }) {
  const { group } = useWorkers<CoresApi>(() => new Worker(new URL('../../workers/entry/cores.worker.ts', import.meta.url), { type: 'module', name: 'cores' }))
  const { attempt } = useChallenge()
  const cores = useCores()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { running, phase, failure, start } = useMeasuredRun()
  const workers = cores ? workersFor(cores) : null

  return (
    <form
      className="not-prose mt-3 grid gap-3"
      onSubmit={(event) => {
        event.preventDefault()
        const prediction = parsePrediction(text)
        setError('error' in prediction ? prediction.error : null)
        if ('error' in prediction || !cores || !workers) return
        void start(async (signal, say) => {
          say(`Starting ${workers} workers…`)
          const spawned = Array.from({ length: workers }, () => group.spawn({ signal }))
          try {
            // As the cores demo does: warm every worker up, then size the work on one worker alone.
            await Promise.all(spawned.map(({ api }) => api.calibrate(40)))
            const perMs = await spawned[0]!.api.calibrate(50, 6)
            say(`Running ${workers} workers with ${seconds} s of work each…`)
            const t0 = now()
            const runs = await Promise.all(spawned.map(({ api }) => api.work(Math.round(perMs * seconds * 1000))))
            const measured = (Math.max(...runs.map((run) => run.end)) - t0) / 1000
            attempt(judgePrediction(prediction.value, measured, coresCase(workers, cores, seconds)))
          } finally {
            group.terminateAll()
          }
        })
      }}
    >
      <p className="m-0 text-sm">
        This device reports <strong>{cores ?? '…'}</strong> cores. The run: <strong>{workers ?? '…'}</strong> workers, each with {seconds} s of computing.
      </p>
      <NumberField
        label="Your prediction: seconds until the last worker finishes"
        value={text}
        onChange={setText}
        error={error}
        disabled={running}
      />
      <RunBar label="Run and compare" running={running} phase={phase} failure={failure} disabled={!cores} />
    </form>
  )
}
