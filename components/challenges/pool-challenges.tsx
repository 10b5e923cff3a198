'use client'

import { useState } from 'react'
import { useCores } from '@/components/demo-kit/use-cores'
import { useWorkers } from '@/components/demo-kit/use-workers'
import type { PoolApi } from '@/workers/entry/pool.worker'
import { maxWorkers } from '@/workers/limits'
import { MeasuredForm, NumberField, PredictForm, useNumberInput, wholeNumber } from './challenge-form'
import { BLOCKS, timePool } from './pool-runner'
import { judgePoolTarget, judgePrediction, poolCase, poolTarget } from './predict-check'

/** The pool's workers, owned here: Stop is leaving the page, which ends them. */
function usePoolWorkers() {
  return useWorkers<PoolApi>(() => new Worker(new URL('../../workers/entry/pool.worker.ts', import.meta.url), { type: 'module', name: 'pool' })).group
}

/**
 * This device's one-worker time for the job, measured on the first check and kept: the best of
 * the runs so far, since anything else running can only make a run slower.
 */
function useBaseline() {
  const [best, setBest] = useState<number | null>(null)
  const keep = (ms: number) => {
    const next = Math.min(ms, best ?? Infinity)
    setBest(next)
    return next
  }
  return { best, keep }
}

/** Predict the speedup of twice as many workers as cores, then time it against one worker on this device. */
export function PredictPoolSpeedup() {
  const group = usePoolWorkers()
  const cores = useCores()
  const baseline = useBaseline()
  const workers = cores ? Math.min(2 * cores, maxWorkers) : null

  return (
    <PredictForm
      label={`Your prediction: how many times faster ${workers ?? 'N'} workers are than 1`}
      disabled={!cores || !workers}
      measure={async (prediction, signal, say) => {
        say('Timing 1 worker, the baseline…')
        const one = baseline.keep((await timePool(group, 1, 1, signal)).ms)
        say(`Timing ${workers} workers…`)
        const { ms } = await timePool(group, workers!, 1, signal)
        return judgePrediction(prediction, one / ms, poolCase(workers!, cores!))
      }}
    >
      This device reports <strong>{cores ?? '…'}</strong> cores. The job: count the primes in {BLOCKS} blocks, chunksize 1, with <strong>1</strong> worker and then with <strong>{workers ?? '…'}</strong>.
    </PredictForm>
  )
}

/** Pick a pool size and chunksize that beat a target speedup over this device's own one-worker time. */
export function BeatPoolTarget({ workers: startWorkers = 2, chunksize: startChunksize = BLOCKS }: { workers?: number; chunksize?: number }) {
  const group = usePoolWorkers()
  const cores = useCores()
  const baseline = useBaseline()
  const most = cores ? Math.min(2 * cores, maxWorkers) : maxWorkers
  const workersInput = useNumberInput(wholeNumber('Workers', 1, most), String(startWorkers))
  const chunkInput = useNumberInput(wholeNumber('chunksize', 1, BLOCKS), String(startChunksize))
  const target = cores ? poolTarget(cores) : null

  return (
    <MeasuredForm
      action="Run and check"
      disabled={!cores}
      prepare={() => {
        const workers = workersInput.read()
        const chunksize = chunkInput.read()
        if (workers === null || chunksize === null) return null
        return async (signal, say) => {
          say('Timing 1 worker, the baseline…')
          const one = baseline.keep((await timePool(group, 1, 1, signal)).ms)
          say(`Timing ${workers} workers, chunksize ${chunksize}…`)
          const { ms, busyMs } = await timePool(group, workers, chunksize, signal)
          return judgePoolTarget({ workers, chunksize, items: BLOCKS, cores: cores!, baselineMs: one, ms, busyMs })
        }
      }}
    >
      {(running) => (
        <>
          <p className="m-0 text-sm">
            This device reports <strong>{cores ?? '…'}</strong> cores. Target: <strong>×{target?.toFixed(1) ?? '…'}</strong> the speed of 1 worker
            {baseline.best !== null && target ? `, under ${Math.round(baseline.best / target)} ms (1 worker took ${Math.round(baseline.best)} ms here)` : ', timed on this device first'}.
          </p>
          <div className="flex flex-wrap gap-4">
            <NumberField label="Workers (Pool(processes=…))" input={workersInput} disabled={running} inputMode="numeric" />
            <NumberField label={`chunksize (of ${BLOCKS} blocks)`} input={chunkInput} disabled={running} inputMode="numeric" />
          </div>
        </>
      )}
    </MeasuredForm>
  )
}
