/**
 * How long a worker really ran on a core, measured from inside it. A browser cannot ask the
 * operating system how much CPU time a worker got, but a worker can tell when it was taken off its
 * core: it looks at the clock between short steps of work, and a look that comes far later than
 * one step can take means somebody else had the core meanwhile.
 */

/** One worker's run: when it started and ended, and the stretches it spent off its core. */
export type OnCoreRun = {
  start: number
  end: number
  /** Off-core stretches as `[from, to]` pairs, flattened: `[from0, to0, from1, to1, …]`. */
  off: number[]
}

/** A look at the clock later than this is a pause, however fast the steps are (milliseconds). */
const MIN_PAUSE_MS = 0.2
/** …and so is one later than this many times the fastest step so far. */
const PAUSE_STEPS = 8

// #region on-core
/**
 * Runs `iterations` of work, `step` at a time (`work(n)` does n), and looks at the clock after each
 * step. When a step takes far longer than the fastest one, the thread was off its core for the
 * difference: the OS gave the core to another thread. Those stretches come back in `off`.
 */
export function runOnCore(iterations: number, step: number, work: (n: number) => void, now: () => number): OnCoreRun {
  const start = now()
  const off: number[] = []
  let last = start
  let fastest = Infinity
  for (let done = 0; done < iterations; done += step) {
    const n = Math.min(step, iterations - done)
    work(n)
    const t = now()
    const took = t - last
    if (took > Math.max(MIN_PAUSE_MS, PAUSE_STEPS * fastest)) off.push(last + fastest, t)
    else if (n === step) fastest = Math.min(fastest, took)
    last = t
  }
  return { start, end: last, off }
}
// #endregion

/** Milliseconds the run spent on its core: its whole time less its pauses. */
export function onCoreMs({ start, end, off }: OnCoreRun): number {
  let paused = 0
  for (let i = 0; i < off.length; i += 2) paused += off[i + 1]! - off[i]!
  return end - start - paused
}

/**
 * The stretches a run spent on its core, from `t0`: what a timeline lane draws. Pauses shorter than
 * `minGap` are not worth a gap in the drawing, so the slices either side are joined.
 */
export function onCoreSlices({ start, end, off }: OnCoreRun, t0: number, minGap = 0): { start: number; end: number }[] {
  const slices: { start: number; end: number }[] = []
  let from = start
  for (let i = 0; i < off.length; i += 2) {
    if (off[i + 1]! - off[i]! < minGap) continue
    slices.push({ start: from - t0, end: off[i]! - t0 })
    from = off[i + 1]!
  }
  slices.push({ start: from - t0, end: end - t0 })
  return slices
}
