/**
 * The counter demo, from the page's side: lays out the shared memory (the counter, its lock, the
 * start barrier and a GIL), starts the workers together, and reads the count they leave.
 */
import type { CounterApi, CounterMode, Interpreter } from '../entry/counter.worker'
import { Gil } from '../shared/gil'
import { allocate, Barrier, Mutex } from '../shared/sync'
import type { WorkerGroup } from './worker-group'

export type CounterRun = { interpreter: Interpreter; mode: CounterMode; workers: number; increments: number }

/** The count when every worker is done, and the wall time from the first start to the last finish. */
export type CounterOutcome = { expected: number; actual: number; ms: number }

export async function runCounter(
  group: WorkerGroup<CounterApi>,
  { interpreter, mode, workers, increments }: CounterRun,
  { signal, onStart }: { signal?: AbortSignal; onStart?: (read: () => number) => void } = {},
): Promise<CounterOutcome> {
  const memory = allocate({ value: Int32Array.BYTES_PER_ELEMENT, lock: Mutex.bytes, start: Barrier.bytes, gil: Gil.bytes })
  Mutex.create(memory.lock)
  Barrier.create(workers, memory.start)
  Gil.create(memory.gil)
  const value = new Int32Array(memory.value.buffer, memory.value.byteOffset, 1)
  // The page may read shared memory any time; it must never block on it (no Atomics.wait here).
  const read = () => Atomics.load(value, 0)
  const spawned = Array.from({ length: workers }, () => group.spawn({ signal }))
  onStart?.(read)
  const spans = await Promise.all(spawned.map(({ api }, i) => api.run(interpreter, mode, increments, i + 1, memory))).finally(() =>
    spawned.forEach((worker) => group.terminate(worker)),
  )
  return {
    expected: workers * increments,
    actual: read(),
    ms: Math.max(...spans.map((s) => s.end)) - Math.min(...spans.map((s) => s.start)),
  }
}
