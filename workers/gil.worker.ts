import { expose } from 'comlink'
import { sharedNow as now } from './clock'
import { Gil, switchIntervalMs, WorkerState } from './gil'
import { Barrier, sleep, type Region } from './sync'

export type Workload = 'cpu' | 'io'

/** What one worker of the lab does: `units` pieces of computation, or `units` waits on I/O. */
export type GilJob = { id: number; workload: Workload; units: number; ioMs: number }

/**
 * The shared memory of one run. In `threads` mode every worker gets the same `gil` region; in
 * `processes` mode each gets its own, so nobody ever waits for it. `status` holds two cells per
 * worker, its state and the units it has finished, for the page to read while it runs.
 */
export type GilMemory = { gil: Region; start: Region; status: Region }

/** A stretch of one worker's time: running Python (holding its GIL) or waiting on I/O. */
export type GilSpan = { start: number; end: number; kind: 'run' | 'io' }

/** Iterations of the busy loop in one unit of CPU work: about half a millisecond. */
export const unitIterations = 200_000
/** CPU work done after each I/O wait (handling the reply): a tenth of a unit. */
const replyIterations = unitIterations / 10
const startTimeoutMs = 30_000
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
    const status = new Int32Array(memory.status.buffer as SharedArrayBuffer, memory.status.byteOffset + 8 * (job.id - 1), 2)
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
    if (job.workload === 'cpu') {
      // CPU-bound: compute with the GIL held, and every switch
      // interval let a waiting thread have it.
      take()
      for (let unit = 0; unit < job.units; unit++) {
        checksum ^= compute(unitIterations, unit + 1)
        Atomics.store(status, 1, unit + 1)
        const released = now()
        if (released - held < switchIntervalMs) continue
        const switched = gil.yieldToWaiters(job.id, () => {
          spans.push({ start: held, end: released, kind: 'run' })
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
        spans.push({ start: asked, end: now(), kind: 'io' })
        take()
        checksum ^= compute(replyIterations, wait + 1)
        drop()
        Atomics.store(status, 1, wait + 1)
      }
    }
    // #endregion
    setState(WorkerState.Finished)
    return { spans, start, end: now(), checksum }
  },
}

export type GilApi = typeof api
expose(api)
