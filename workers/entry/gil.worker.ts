import { expose } from 'comlink'
import { sharedNow as now } from '../clock'
import { Gil, statusCells, WorkerState } from '../shared/gil'
import { Barrier, sleep, type Region } from '../shared/sync'
import { startTimeoutMs } from '../limits'

/** What the lab runs: every worker computing, every worker waiting on I/O, or one computing beside the others' I/O. */
export type Workload = 'cpu' | 'io' | 'mixed'

/** What one worker does: compute, or wait on I/O and handle each reply. */
export type Role = 'cpu' | 'io'

/**
 * One worker's job: `units` pieces of computation, or `units` waits on I/O of `ioMs` each. A CPU
 * job with `untilIoDone` computes until the run's I/O workers have all finished (the mixed workload).
 */
export type GilJob = { id: number; role: Role; units: number; ioMs: number; untilIoDone?: boolean }

/**
 * The shared memory of one run. In `threads` mode every worker gets the same `gil` region; in
 * `processes` mode each gets its own, so nobody ever waits for it. `status` holds `statusCells`
 * per worker: its state and the units it has finished, for the page to read while it runs.
 * `ioRunning` counts the I/O workers not yet finished.
 */
export type GilMemory = { gil: Region; start: Region; status: Region; ioRunning: Region }

/**
 * A stretch of one worker's time: running Python (holding its GIL), waiting on I/O, or back from
 * I/O and waiting to take the GIL again (`gil`).
 */
export type GilSpan = { start: number; end: number; kind: 'run' | 'io' | 'gil' }

/** Iterations of the busy loop in one unit of CPU work: about half a millisecond. */
export const unitIterations = 200_000
/** CPU work done after each I/O wait (handling the reply): a tenth of a unit. */
const replyIterations = unitIterations / 10
const warmUpUnits = 20

/** Pure computation, like Python bytecode: a xorshift loop the JIT cannot skip (its result is used). */
function compute(iterations: number, seed: number): number {
  let x = seed | 0 || 1
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
  }
  return x
}


const api = {
  /** Waits at the start line for the other workers, then does its share of the work under the GIL. */
  run(job: GilJob, memory: GilMemory): { spans: GilSpan[]; start: number; end: number; checksum: number } {
    const gil = new Gil(memory.gil)
    const status = new Int32Array(memory.status.buffer as SharedArrayBuffer, memory.status.byteOffset + statusCells * Int32Array.BYTES_PER_ELEMENT * (job.id - 1), statusCells)
    const ioRunning = new Int32Array(memory.ioRunning.buffer as SharedArrayBuffer, memory.ioRunning.byteOffset, 1)
    const spans: GilSpan[] = []
    const setState = (state: WorkerState) => Atomics.store(status, 0, state)
    let checksum = 0
    let held = 0

    const take = () => {
      setState(WorkerState.WaitingForGil)
      gil.acquire(job.id)
      setState(WorkerState.Running)
      held = now()
    }
    const drop = () => {
      spans.push({ start: held, end: now(), kind: 'run' })
      gil.release()
    }

    // Warm up the loop first, so the JIT has compiled it before the clock runs for anyone.
    for (let unit = 0; unit < warmUpUnits; unit++) checksum ^= compute(unitIterations, unit + 1)
    new Barrier(memory.start).wait(startTimeoutMs)
    const start = now()
    // #region lab
    if (job.role === 'cpu') {
      // CPU-bound: compute with the GIL held; once a thread has
      // waited a switch interval for it, let that thread have it.
      const more = (unit: number) => (job.untilIoDone ? Atomics.load(ioRunning, 0) > 0 : unit < job.units)
      take()
      for (let unit = 0; more(unit); unit++) {
        checksum ^= compute(unitIterations, unit + 1)
        Atomics.store(status, 1, unit + 1)
        const switched = gil.evalBreaker(job.id, () => {
          spans.push({ start: held, end: now(), kind: 'run' })
          setState(WorkerState.WaitingForGil)
        })
        if (switched) {
          setState(WorkerState.Running)
          held = now()
        }
      }
      drop()
    } else {
      // I/O-bound: release the GIL, block on the "socket", take
      // the GIL back to handle the reply.
      for (let wait = 0; wait < job.units; wait++) {
        setState(WorkerState.WaitingForIo)
        const asked = now()
        sleep(job.ioMs)
        const back = now()
        spans.push({ start: asked, end: back, kind: 'io' })
        take()
        spans.push({ start: back, end: held, kind: 'gil' })
        checksum ^= compute(replyIterations, wait + 1)
        drop()
        Atomics.store(status, 1, wait + 1)
      }
      Atomics.sub(ioRunning, 0, 1)
    }
    // #endregion
    setState(WorkerState.Finished)
    return { spans, start, end: now(), checksum }
  },
}

export type GilApi = typeof api
expose(api)
