/**
 * The GIL lab, from the page's side: lays out the shared memory, starts the workers together and
 * collects who held the GIL when. In `threads` mode all workers share one GIL, as the threads of
 * one CPython process do; in `processes` mode each has its own, as each process has its own
 * interpreter. The work is the same total in every run, split evenly across the workers.
 */
import { Gil } from './gil'
import type { GilApi, GilMemory, GilSpan, Workload } from './gil.worker'
import { allocate, Barrier, type Region } from './sync'
import type { WorkerGroup } from './worker-group'

export type GilMode = 'threads' | 'processes'

/** The fixed total of each workload: units of computation, or waits on I/O of `ioMs` each. */
export const workloads = {
  cpu: { units: 2_400 },
  io: { units: 24, ioMs: 40 },
} as const satisfies Record<Workload, { units: number; ioMs?: number }>

export type LabResult = {
  /** Wall time from the start line to the last worker's finish. */
  ms: number
  /** Per worker, its spans in milliseconds from the start line. */
  lanes: GilSpan[][]
  /** How many times a GIL passed from one worker to another. */
  handovers: number
}

/** `total` split into `parts` shares that differ by at most one. */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0))
}

/** Per worker: its state and the units it has done (see `WorkerState`). */
export type StatusReader = () => { state: number; done: number }[]

export async function runGilLab(
  group: WorkerGroup<GilApi>,
  { mode, workload, workers }: { mode: GilMode; workload: Workload; workers: number },
  { signal, onStart }: { signal?: AbortSignal; onStart?: (status: StatusReader, shares: number[]) => void } = {},
): Promise<LabResult> {
  const gils = mode === 'threads' ? 1 : workers
  const memory = allocate({
    start: Barrier.bytes,
    status: 8 * workers,
    ...Object.fromEntries(Array.from({ length: gils }, (_, i) => [`gil${i}`, Gil.bytes])),
  }) as Record<string, Region>
  const gilRegions = Array.from({ length: gils }, (_, i) => memory[`gil${i}`]!)
  const gilHandles = gilRegions.map((region) => Gil.create(region))
  Barrier.create(workers, memory.start)
  const cells = new Int32Array(memory.status!.buffer as SharedArrayBuffer, memory.status!.byteOffset, 2 * workers)
  const status: StatusReader = () => Array.from({ length: workers }, (_, w) => ({ state: Atomics.load(cells, 2 * w), done: Atomics.load(cells, 2 * w + 1) }))

  const { units } = workloads[workload]
  const ioMs = workload === 'io' ? workloads.io.ioMs : 0
  const shares = splitEvenly(units, workers)
  // Start every worker before the clock runs: a worker takes tens of milliseconds to start.
  const spawned = Array.from({ length: workers }, () => group.spawn({ signal }))
  onStart?.(status, shares)
  const runs = await Promise.all(
    spawned.map(({ api }, w) => {
      const share: GilMemory = { gil: gilRegions[mode === 'threads' ? 0 : w]!, start: memory.start!, status: memory.status! }
      return api.run({ id: w + 1, workload, units: shares[w]!, ioMs }, share)
    }),
  ).finally(() => spawned.forEach((worker) => group.terminate(worker)))
  const t0 = Math.min(...runs.map((r) => r.start))
  return {
    ms: Math.max(...runs.map((r) => r.end)) - t0,
    lanes: runs.map((r) => r.spans.map((s) => ({ ...s, start: s.start - t0, end: s.end - t0 }))),
    handovers: gilHandles.reduce((sum, gil) => sum + gil.handovers, 0),
  }
}
