import { expose } from 'comlink'
import { sharedNow as now } from './clock'

// #region work
/** CPU-bound busy work the JIT cannot skip: each step depends on the one before. */
function spin(iterations: number): number {
  let x = 1
  for (let i = 0; i < iterations; i++) x = (Math.imul(x, 1103515245) + 12345) | 0
  return x
}

/** The wall-clock time on a clock shared with the page (workers have their own `performance`). */

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
        sink ^= spin(10_000)
        iterations += 10_000
      }
      best = Math.max(best, iterations / (performance.now() - start))
    }
    return best
  },
  /** Does a fixed amount of CPU work; returns when it started and ended. */
  work(iterations: number): { start: number; end: number; check: number } {
    const start = now()
    sink ^= spin(iterations)
    return { start, end: now(), check: sink }
  },
}
// #endregion

export type CoresApi = typeof api
expose(api)
