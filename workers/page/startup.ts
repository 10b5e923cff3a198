/**
 * The start-up demo's measurement, from the page's side: starting a worker and hearing back from
 * it (the analogue of starting a process), a message to a worker already running (handing a task
 * to a pool), and a plain call of the same function in this thread.
 */
import { median } from '../stats'
import { ping } from '../inside/startup-task'
import type { StartupApi } from '../entry/startup.worker'
import type { WorkerGroup } from './worker-group'

export type StartupSample = { startMs: number; messageMs: number }
export type StartupResult = { repetitions: number; startMs: number; messageMs: number; callUs: number }

/** Calls per timed batch of same-thread calls: one call is far below the clock's resolution. */
const callsPerBatch = 10_000

// #region startup
/** One repetition: start a fresh worker, wait for its first answer, ask again, end it. */
async function sample(group: WorkerGroup<StartupApi>, signal?: AbortSignal): Promise<StartupSample> {
  const t0 = performance.now()
  const worker = group.spawn({ signal })
  await worker.api.ping() // the worker is up: its code loaded and answering
  const t1 = performance.now()
  await worker.api.ping() // a message to a worker that is already running
  const t2 = performance.now()
  group.terminate(worker)
  return { startMs: t1 - t0, messageMs: t2 - t1 }
}

/** A batch of plain calls of the same function, in this thread; microseconds per call. */
function callUs(): number {
  let sink = 0
  const t0 = performance.now()
  for (let i = 0; i < callsPerBatch; i++) sink += ping()
  const us = ((performance.now() - t0) * 1000) / callsPerBatch
  return sink > 0 ? us : us // `sink` is read, so the calls cannot be skipped
}
// #endregion

/** `repetitions` samples of each, one after another; the medians. */
export async function measureStartup(
  group: WorkerGroup<StartupApi>,
  repetitions: number,
  { signal, onSample }: { signal?: AbortSignal; onSample?: (samples: StartupSample[]) => void } = {},
): Promise<StartupResult> {
  const samples: StartupSample[] = []
  const calls: number[] = []
  for (let i = 0; i < repetitions; i++) {
    signal?.throwIfAborted()
    samples.push(await sample(group, signal))
    calls.push(callUs())
    onSample?.([...samples])
  }
  return {
    repetitions,
    startMs: median(samples.map((s) => s.startMs)),
    messageMs: median(samples.map((s) => s.messageMs)),
    callUs: median(calls),
  }
}
