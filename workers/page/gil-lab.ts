/**
 * The GIL lab, from the page's side: lays out the shared memory, starts the workers together and
 * collects who held the GIL when. In `threads` mode all workers share one GIL, as the threads of
 * one CPython process do; in `processes` mode each has its own, as each process has its own
 * interpreter. The CPU-bound and I/O-bound work is the same total in every run, split evenly across
 * the workers. The mixed workload pits one CPU-bound worker against the others' I/O: each I/O
 * worker does the same waits it would do alone.
 */
import { Gil, statusCells } from '../shared/gil'
import type { GilApi, GilJob, GilMemory, GilSpan, Role, Workload } from '../entry/gil.worker'
import { allocate, Barrier, type Region } from '../shared/sync'
import type { WorkerGroup } from './worker-group'

export type GilMode = 'threads' | 'processes'

/**
 * The fixed total of each workload: units of computation, or waits on I/O of `ioMs` each. In the
 * mixed workload, `units` is the waits of each I/O worker, many and short, as in a chatty protocol.
 */
export const workloads = {
  cpu: { units: 2_400 },
  io: { units: 24, ioMs: 40 },
  mixed: { units: 40, ioMs: 4 },
} as const satisfies Record<Workload, { units: number; ioMs?: number }>

export type LabResult = {
  /** Wall time from the start line to the last worker's finish. */
  ms: number
  /** Per worker, its spans in milliseconds from the start line. */
  lanes: GilSpan[][]
  /** How many times a GIL passed from one worker to another. */
  handovers: number
  /** Per worker, what it did. */
  roles: Role[]
  /** The mean time from the end of an I/O wait to taking the GIL back, in ms; null without I/O. */
  gilWaitMs: number | null
}

/** `total` split into `parts` shares that differ by at most one. */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0))
}

/**
 * What each of `workers` workers does. CPU-bound and I/O-bound: all the same, sharing the total.
 * Mixed: worker 1 computes until the others have done their I/O; alone, a worker does the I/O (the
 * baseline the mixed runs are compared with).
 */
export function jobsFor(workload: Workload, workers: number): Omit<GilJob, 'id'>[] {
  if (workload === 'mixed') {
    const { units, ioMs } = workloads.mixed
    const io: Omit<GilJob, 'id'> = { role: 'io', units, ioMs }
    if (workers === 1) return [io]
    return [{ role: 'cpu', units: 0, ioMs: 0, untilIoDone: true }, ...Array.from({ length: workers - 1 }, () => io)]
  }
  const role: Role = workload
  const ioMs = workload === 'io' ? workloads.io.ioMs : 0
  return splitEvenly(workloads[workload].units, workers).map((units) => ({ role, units, ioMs }))
}

/** The mean length of the spans of `kind`, or null if there are none. */
function meanOf(lanes: GilSpan[][], kind: GilSpan['kind']): number | null {
  const spans = lanes.flat().filter((s) => s.kind === kind)
  return spans.length ? spans.reduce((sum, s) => sum + (s.end - s.start), 0) / spans.length : null
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
    status: statusCells * Int32Array.BYTES_PER_ELEMENT * workers,
    ioRunning: 4,
    ...Object.fromEntries(Array.from({ length: gils }, (_, i) => [`gil${i}`, Gil.bytes])),
  }) as Record<string, Region>
  const gilRegions = Array.from({ length: gils }, (_, i) => memory[`gil${i}`]!)
  const gilHandles = gilRegions.map((region) => Gil.create(region))
  Barrier.create(workers, memory.start)
  const cells = new Int32Array(memory.status!.buffer as SharedArrayBuffer, memory.status!.byteOffset, statusCells * workers)
  const status: StatusReader = () =>
    Array.from({ length: workers }, (_, w) => ({ state: Atomics.load(cells, statusCells * w), done: Atomics.load(cells, statusCells * w + 1) }))

  const jobs = jobsFor(workload, workers)
  Atomics.store(new Int32Array(memory.ioRunning!.buffer as SharedArrayBuffer, memory.ioRunning!.byteOffset, 1), 0, jobs.filter((j) => j.role === 'io').length)
  // A CPU worker that runs until the I/O is done has no fixed share: 0, and its progress has no end.
  const shares = jobs.map((j) => j.units)
  // Start every worker before the clock runs: a worker takes tens of milliseconds to start.
  const spawned = Array.from({ length: workers }, () => group.spawn({ signal }))
  onStart?.(status, shares)
  const runs = await Promise.all(
    spawned.map(({ api }, w) => {
      const share: GilMemory = {
        gil: gilRegions[mode === 'threads' ? 0 : w]!,
        start: memory.start!,
        status: memory.status!,
        ioRunning: memory.ioRunning!,
      }
      return api.run({ id: w + 1, ...jobs[w]! }, share)
    }),
  ).finally(() => spawned.forEach((worker) => group.terminate(worker)))
  const t0 = Math.min(...runs.map((r) => r.start))
  const lanes = runs.map((r) => r.spans.map((s) => ({ ...s, start: s.start - t0, end: s.end - t0 })))
  return {
    ms: Math.max(...runs.map((r) => r.end)) - t0,
    lanes,
    handovers: gilHandles.reduce((sum, gil) => sum + gil.handovers, 0),
    roles: jobs.map((j) => j.role),
    gilWaitMs: meanOf(lanes, 'gil'),
  }
}
