import { expose } from 'comlink'
import { sharedNow as now } from '../clock'
import { runOnCore, type OnCoreRun } from '../inside/on-core'

// #region work
/** CPU-bound busy work the JIT cannot skip: each step depends on the one before. */
function spin(iterations: number): number {
  let x = 1
  for (let i = 0; i < iterations; i++) x = (Math.imul(x, 1103515245) + 12345) | 0
  return x
}

/** Iterations between two looks at the clock: some tens of microseconds of work. */
const STEP = 10_000

// Results are kept, or the JIT could drop work whose result nobody reads.
let sink = 0

const api = {
  /**
   * How many iterations of the busy work this worker does per millisecond: the best of several
   * short samples, since anything else running on the core can only make a sample slower.
   */
  calibrate(ms: number, samples = 1): number {
    let best = 0
    for (let sample = 0; sample < samples; sample++) {
      let iterations = 0
      const start = performance.now()
      while (performance.now() - start < ms) {
        sink ^= spin(STEP)
        iterations += STEP
      }
      best = Math.max(best, iterations / (performance.now() - start))
    }
    return best
  },
  /**
   * Does a fixed amount of CPU work, in the same steps as `calibrate`; returns when it started and
   * ended, on the clock shared with the page, and when the OS had it off its core.
   */
  work(iterations: number): OnCoreRun & { check: number } {
    const run = runOnCore(iterations, STEP, (n) => (sink ^= spin(n)), now)
    return { ...run, check: sink }
  },
}
// #endregion

export type CoresApi = typeof api
expose(api)
