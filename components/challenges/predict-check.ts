import type { Verdict } from '@/components/mdx/challenge-client'

/**
 * A prediction counts as right within this factor of the measurement, either way. Generous on
 * purpose: this device may be busy with other work, and the point is the shape (×1 or ×4, 1 s or
 * 2 s), not the second decimal.
 */
export const WITHIN = 1.6

export type PredictionCase = {
  /** What is predicted, in a few words: "the speedup of 4 workers over 1". */
  what: string
  /** What the model says it should be, on this device's cores: a right prediction. */
  ideal: number
  /** How a value reads: "×1.9", "2.1 s". */
  show: (value: number) => string
  /** Why the measurement came out as it did. */
  why: string
  /** What a prediction too high missed, and one too low. */
  tooHigh: string
  tooLow: string
}

const near = (a: number, b: number) => a / b <= WITHIN && b / a <= WITHIN

/**
 * A prediction written down before the run, against what this device measured. It is right near
 * the measurement, or near the ideal: a busy device, whose other programs take cores from the run,
 * must not fail a right answer. The feedback gives both numbers.
 */
export function judgePrediction(predicted: number, measured: number, { what, ideal, show, why, tooHigh, tooLow }: PredictionCase): Verdict {
  const said = `You predicted ${show(predicted)} for ${what}; this device measured ${show(measured)}`
  if (near(predicted, measured)) return { solved: true, message: `${said}. ${why}` }
  if (near(predicted, ideal)) {
    return {
      solved: true,
      message: `${said}, and the ideal is ${show(ideal)}, as you said. This run strayed from it because other programs on this device wanted its cores too; run it again when it is quieter. ${why}`,
    }
  }
  const ratio = predicted / ideal
  const off = ratio > 1 ? `${ratio.toFixed(1)} times too high` : `${(1 / ratio).toFixed(1)} times too low`
  return { solved: false, message: `${said}, and the ideal is ${show(ideal)}: the prediction is ${off}. ${capital(ratio > 1 ? tooHigh : tooLow)}` }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** A prediction as typed: a positive number, or why not. */
export function parsePrediction(text: string): { value: number } | { error: string } {
  const value = Number(text.trim().replace(/^[×x]/, ''))
  if (!text.trim() || !Number.isFinite(value)) return { error: 'Write a number, such as 1.5.' }
  if (value <= 0) return { error: 'A prediction is greater than 0.' }
  return { value }
}

const times = (value: number) => `×${value.toFixed(value < 10 ? 1 : 0)}`
const secs = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} s`
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "How many run at once?": wall time of `workers` workers, each with `work` seconds of computing, on `cores` cores. */
export function coresCase(workers: number, cores: number, work: number): PredictionCase {
  const atOnce = Math.min(workers, cores)
  return {
    what: `${plural(workers, 'worker')} with ${secs(work)} of work each`,
    ideal: (workers * work) / atOnce,
    show: secs,
    why: `${cores} cores run ${atOnce} workers at a time, so ${workers} × ${secs(work)} of work takes about ${secs((workers * work) / atOnce)}: the OS gives each worker its turns on a core.`,
    tooHigh: `the workers do not run one after another. This device has ${plural(cores, 'core')}, and each runs a worker at the same time as the others.`,
    tooLow: `only ${plural(atOnce, 'worker')} can be on a core at once. The other ${workers - atOnce} wait their turn, so the work takes about ${workers / atOnce} times as long as one worker's.`,
  }
}

/** The speedup of a pool of `workers` over one worker, for CPU-bound work, on `cores` cores. */
export function poolCase(workers: number, cores: number): PredictionCase {
  const ceiling = Math.min(workers, cores)
  return {
    what: `the speedup of ${plural(workers, 'worker')} over 1`,
    ideal: ceiling,
    show: times,
    why: `The work is computation, so it goes at most as many times faster as there are cores to run it: ×${ceiling} here. Workers beyond the cores only take turns, and handing out chunks costs a little.`,
    tooHigh: `a CPU-bound job cannot go faster than the cores allow. ${plural(workers, 'worker')} share ${plural(cores, 'core')}, so ×${ceiling} is the ceiling; the extra workers take turns.`,
    tooLow: `each worker is a separate process (here a Web Worker) with a core of its own, up to ${plural(cores, 'core')}: they compute truly in parallel.`,
  }
}

/** The speedup of `workers` threads sharing one GIL over one thread, for CPU-bound or I/O-bound work. */
export function gilCase(workload: 'cpu' | 'io', workers: number): PredictionCase {
  if (workload === 'cpu') {
    return {
      what: `the speedup of ${workers} CPU-bound threads over 1`,
      ideal: 1,
      show: times,
      why: `The ${workers} threads share one GIL, and only the thread holding it runs Python bytecode. They take turns, so together they finish in about the time one thread takes for the same work: ×1, whatever the cores.`,
      tooHigh: `the threads of one CPython process share one GIL, and CPU-bound threads never release it for long. Only one runs at a time: they take turns, not cores.`,
      tooLow: `taking turns costs little. The GIL passes between threads every 5 ms (sys.getswitchinterval()), so the threads lose a little time to handing it over, not most of it.`,
    }
  }
  return {
    what: `the speedup of ${workers} I/O-bound threads over 1`,
    ideal: workers,
    show: times,
    why: `A thread releases the GIL while it waits on I/O, so the ${workers} threads wait at the same time: nearly ×${workers}, on any number of cores.`,
    tooHigh: `${workers} threads overlap at most ${workers} waits at a time: ×${workers} is the ceiling, and each thread still needs the GIL for a moment after every wait.`,
    tooLow: `the GIL does not hold up waiting. A thread blocked on I/O (or time.sleep) releases it, so the ${workers} threads' waits overlap.`,
  }
}

/** The speedup to beat with a pool on this device: more with more cores, and never out of reach of a right answer on a busy machine. */
export function poolTarget(cores: number): number {
  return cores < 2 ? 0.9 : 1 + 0.3 * (Math.min(cores, 4) - 1)
}

export type PoolRun = {
  workers: number
  chunksize: number
  items: number
  cores: number
  baselineMs: number
  ms: number
  /** Time the workers spent inside chunks, summed: `busyMs / ms` computed at once, on average. */
  busyMs: number
}

/** Of the workers that can compute at once, the share that must have, on average, for a schedule to count as right. */
export const BUSY_SHARE = 0.7

/**
 * "Beat the target": a pool size and chunksize whose run beats this device's own one-worker time
 * by `poolTarget`. A busy device can leave no core free to beat it with, so a run that falls short
 * in time still passes when its schedule is the one the target asks for: a worker per core or
 * more, at least two chunks for each, and the workers measured computing at once, on average.
 */
export function judgePoolTarget({ workers, chunksize, items, cores, baselineMs, ms, busyMs }: PoolRun): Verdict {
  const target = poolTarget(cores)
  const speedup = baselineMs / ms
  const busy = busyMs / ms
  const atOnce = Math.min(workers, cores)
  const chunks = Math.ceil(items / chunksize)
  const measured = `${Math.round(ms)} ms with ${plural(workers, 'worker')} and chunksize ${chunksize}, against ${Math.round(baselineMs)} ms for 1 worker: ×${speedup.toFixed(2)}`
  const goal = `the target ×${target.toFixed(1)} (${Math.round(baselineMs / target)} ms)`
  // At most one worker ever computes: a time under the target can only be a slowed baseline.
  const oneAtATime = cores >= 2 && Math.min(workers, chunks) < 2
  if (speedup >= target && !oneAtATime) return { solved: true, message: `${measured}, beating ${goal}.` }
  const why =
    workers === 1
      ? 'one worker is the baseline itself: a pool of 1 computes one block after another.'
      : chunks < workers
        ? `chunksize ${chunksize} cuts the ${items} blocks into ${plural(chunks, 'chunk')}, so only ${plural(chunks, 'worker')} ever get${chunks === 1 ? 's' : ''} any work; the others wait.`
        : chunks < 2 * atOnce
          ? `${plural(chunks, 'chunk')} for ${plural(workers, 'worker')} are too few to share out evenly: the worker with the last, largest chunk keeps computing while the others have finished.`
          : workers < cores
            ? `${plural(workers, 'worker')} use only ${workers} of this device's ${cores} cores.`
            : null
  if (oneAtATime && speedup >= target) {
    return { solved: false, message: `${measured}, yet not by computing at once: ${why} The 1-worker run was slowed by something else on this device; run it again.` }
  }
  if (!why && cores >= 2 && busy >= BUSY_SHARE * atOnce) {
    return {
      solved: true,
      message: `${measured}, short of ${goal} in time, because other programs on this device wanted its cores too. But the pool kept ${busy.toFixed(1)} workers computing at once, on average, with ${plural(chunks, 'chunk')} to share: on free cores, that beats the target.`,
    }
  }
  return { solved: false, message: `${measured}, short of ${goal}: ${why ?? `only ${busy.toFixed(1)} workers computed at once, on average, and ${atOnce} could. This device may have been busy with something else: run it again.`}` }
}
