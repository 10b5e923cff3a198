'use client'

import { useState } from 'react'
import { useCores } from '@/components/demo-kit/use-cores'
import { useWorkers } from '@/components/demo-kit/use-workers'
import { useChallenge } from '@/components/mdx/challenge-client'
import type { PoolApi } from '@/workers/entry/pool.worker'
import { maxWorkers } from '@/workers/limits'
import { NumberField, RunBar, useMeasuredRun } from './challenge-form'
import { BLOCKS, timePool } from './pool-runner'
import { judgePoolTarget, judgePrediction, parsePrediction, poolCase, poolTarget } from './predict-check'

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
  const { attempt } = useChallenge()
  const cores = useCores()
  const baseline = useBaseline()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { running, phase, failure, start } = useMeasuredRun()
  const workers = cores ? Math.min(2 * cores, maxWorkers) : null

  return (
    <form
      className="not-prose mt-3 grid gap-3"
      onSubmit={(event) => {
        event.preventDefault()
        const prediction = parsePrediction(text)
        setError('error' in prediction ? prediction.error : null)
        if ('error' in prediction || !cores || !workers) return
        void start(async (signal, say) => {
          say('Timing 1 worker, the baseline…')
          const one = baseline.keep((await timePool(group, 1, 1, signal)).ms)
          say(`Timing ${workers} workers…`)
          const { ms } = await timePool(group, workers, 1, signal)
          attempt(judgePrediction(prediction.value, one / ms, poolCase(workers, cores)))
        })
      }}
    >
      <p className="m-0 text-sm">
        This device reports <strong>{cores ?? '…'}</strong> cores. The job: count the primes in {BLOCKS} blocks, chunksize 1, with <strong>1</strong> worker and then with <strong>{workers ?? '…'}</strong>.
      </p>
      <NumberField label={`Your prediction: how many times faster ${workers ?? 'N'} workers are than 1`} value={text} onChange={setText} error={error} disabled={running} />
      <RunBar label="Run and compare" running={running} phase={phase} failure={failure} disabled={!cores} />
    </form>
  )
}

type Whole = { value: number } | { error: string }
const whole = (text: string, label: string, max: number): Whole => {
  const value = Number(text.trim())
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > max) return { error: `${label} is a whole number from 1 to ${max}.` }
  return { value }
}

/** Pick a pool size and chunksize that beat a target speedup over this device's own one-worker time. */
export function BeatPoolTarget({ workers: startWorkers = 2, chunksize: startChunksize = BLOCKS }: { workers?: number; chunksize?: number }) {
  const group = usePoolWorkers()
  const { attempt } = useChallenge()
  const cores = useCores()
  const baseline = useBaseline()
  const [workersText, setWorkersText] = useState(String(startWorkers))
  const [chunkText, setChunkText] = useState(String(startChunksize))
  const [errors, setErrors] = useState<{ workers?: string; chunksize?: string }>({})
  const { running, phase, failure, start } = useMeasuredRun()
  const most = cores ? Math.min(2 * cores, maxWorkers) : maxWorkers
  const target = cores ? poolTarget(cores) : null

  return (
    <form
      className="not-prose mt-3 grid gap-3"
      onSubmit={(event) => {
        event.preventDefault()
        const workers = whole(workersText, 'Workers', most)
        const chunksize = whole(chunkText, 'chunksize', BLOCKS)
        setErrors({ workers: 'error' in workers ? workers.error : undefined, chunksize: 'error' in chunksize ? chunksize.error : undefined })
        if ('error' in workers || 'error' in chunksize || !cores) return
        void start(async (signal, say) => {
          say('Timing 1 worker, the baseline…')
          const one = baseline.keep((await timePool(group, 1, 1, signal)).ms)
          say(`Timing ${workers.value} workers, chunksize ${chunksize.value}…`)
          const { ms, busyMs } = await timePool(group, workers.value, chunksize.value, signal)
          attempt(judgePoolTarget({ workers: workers.value, chunksize: chunksize.value, items: BLOCKS, cores, baselineMs: one, ms, busyMs }))
        })
      }}
    >
      <p className="m-0 text-sm">
        This device reports <strong>{cores ?? '…'}</strong> cores. Target: <strong>×{target?.toFixed(1) ?? '…'}</strong> the speed of 1 worker
        {baseline.best !== null && target ? `, under ${Math.round(baseline.best / target)} ms (1 worker took ${Math.round(baseline.best)} ms here)` : ', timed on this device first'}.
      </p>
      <div className="flex flex-wrap gap-4">
        <NumberField label="Workers (Pool(processes=…))" value={workersText} onChange={setWorkersText} error={errors.workers} disabled={running} inputMode="numeric" />
        <NumberField label={`chunksize (of ${BLOCKS} blocks)`} value={chunkText} onChange={setChunkText} error={errors.chunksize} disabled={running} inputMode="numeric" />
      </div>
      <RunBar label="Run and check" running={running} phase={phase} failure={failure} disabled={!cores} />
    </form>
  )
}
