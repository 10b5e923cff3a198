import { describe, expect, it } from 'vitest'
import { coresCase, gilCase, judgePoolTarget, judgePrediction, parsePrediction, poolCase, poolTarget, WITHIN } from './predict-check'

describe('judgePrediction', () => {
  it('takes a prediction near the measurement, either way, and says why with both numbers', () => {
    expect(judgePrediction(2, 2.3, coresCase(4, 2, 1))).toEqual({
      solved: true,
      message:
        'You predicted 2.0 s for 4 workers with 1.0 s of work each; this device measured 2.3 s. 2 cores run 2 workers at a time, so 4 × 1.0 s of work takes about 2.0 s: the OS gives each worker its turns on a core.',
    })
    expect(judgePrediction(3.3 * WITHIN, 3.3, coresCase(4, 2, 1)).solved).toBe(true)
    expect(judgePrediction(3.3 / WITHIN, 3.3, coresCase(4, 2, 1)).solved).toBe(true)
  })

  it('takes the ideal on a busy device, and says the run strayed from it', () => {
    const verdict = judgePrediction(2, 5.7, coresCase(4, 2, 1))
    expect(verdict.solved).toBe(true)
    expect(verdict.message).toContain('this device measured 5.7 s, and the ideal is 2.0 s, as you said. This run strayed from it because other programs on this device wanted its cores too')
  })

  it('says how far from the ideal a wrong prediction is, and what a low one missed', () => {
    expect(judgePrediction(0.5, 2.1, coresCase(4, 2, 1))).toEqual({
      solved: false,
      message:
        "You predicted 0.5 s for 4 workers with 1.0 s of work each; this device measured 2.1 s, and the ideal is 2.0 s: the prediction is 4.0 times too low. Only 2 workers can be on a core at once. The other 2 wait their turn, so the work takes about 2 times as long as one worker's.",
    })
  })

  it('says what a high one missed', () => {
    expect(judgePrediction(16, 1.9, poolCase(4, 2))).toEqual({
      solved: false,
      message:
        'You predicted ×16 for the speedup of 4 workers over 1; this device measured ×1.9, and the ideal is ×2.0: the prediction is 8.0 times too high. A CPU-bound job cannot go faster than the cores allow. 4 workers share 2 cores, so ×2 is the ceiling; the extra workers take turns.',
    })
  })

  it('explains the GIL both ways', () => {
    expect(judgePrediction(4, 1.05, gilCase('cpu', 4)).message).toContain('4.0 times too high. The threads of one CPython process share one GIL')
    expect(judgePrediction(1, 1.05, gilCase('cpu', 4)).solved).toBe(true)
    expect(judgePrediction(1, 3.8, gilCase('io', 4)).message).toContain('4.0 times too low. The GIL does not hold up waiting')
    expect(judgePrediction(4, 3.8, gilCase('io', 4)).solved).toBe(true)
  })
})

describe('parsePrediction', () => {
  it('reads a positive number, with or without a ×', () => {
    expect(parsePrediction(' 1.5 ')).toEqual({ value: 1.5 })
    expect(parsePrediction('×2')).toEqual({ value: 2 })
    expect(parsePrediction('x4')).toEqual({ value: 4 })
  })
  it('refuses the rest, saying why', () => {
    expect(parsePrediction('')).toEqual({ error: 'Write a number, such as 1.5.' })
    expect(parsePrediction('fast')).toEqual({ error: 'Write a number, such as 1.5.' })
    expect(parsePrediction('0')).toEqual({ error: 'A prediction is greater than 0.' })
  })
})

describe('judgePoolTarget', () => {
  const run = { workers: 2, chunksize: 1, items: 32, cores: 2, baselineMs: 800 }

  it('grows the target with the cores, up to 4, and keeps it reachable on one', () => {
    expect([1, 2, 4, 16].map(poolTarget)).toEqual([0.9, 1.3, 1.9, 1.9])
  })

  it('solves a run that beats the target, with its numbers', () => {
    expect(judgePoolTarget({ ...run, ms: 450, busyMs: 880 })).toEqual({
      solved: true,
      message: '450 ms with 2 workers and chunksize 1, against 800 ms for 1 worker: ×1.78, beating the target ×1.3 (615 ms).',
    })
  })

  it('on a busy device, solves a run whose schedule is right, and says so', () => {
    expect(judgePoolTarget({ ...run, ms: 2191, busyMs: 3700 })).toEqual({
      solved: true,
      message:
        '2191 ms with 2 workers and chunksize 1, against 800 ms for 1 worker: ×0.37, short of the target ×1.3 (615 ms) in time, because other programs on this device wanted its cores too. But the pool kept 1.7 workers computing at once, on average, with 32 chunks to share: on free cores, that beats the target.',
    })
    expect(judgePoolTarget({ ...run, ms: 2191, busyMs: 2500 }).message).toContain('only 1.1 workers computed at once, on average, and 2 could. This device may have been busy')
  })

  it('says why a run fell short: one chunk, too few chunks, one worker', () => {
    expect(judgePoolTarget({ ...run, chunksize: 32, ms: 790, busyMs: 785 }).message).toBe(
      '790 ms with 2 workers and chunksize 32, against 800 ms for 1 worker: ×1.01, short of the target ×1.3 (615 ms): chunksize 32 cuts the 32 blocks into 1 chunk, so only 1 worker ever gets any work; the others wait.',
    )
    expect(judgePoolTarget({ ...run, chunksize: 16, ms: 700, busyMs: 1400 }).message).toContain('2 chunks for 2 workers are too few to share out evenly')
    expect(judgePoolTarget({ ...run, cores: 4, workers: 2, ms: 600, busyMs: 1200 }).message).toContain('2 workers use only 2 of this device\'s 4 cores.')
    expect(judgePoolTarget({ ...run, workers: 1, ms: 800, busyMs: 800 }).message).toContain('one worker is the baseline itself')
  })

  it('never solves a pool where one worker does all the work, however slow the baseline was', () => {
    // Seen on a busy machine: the 1-worker baseline took 1094 ms, the one-chunk pool 644 ms.
    expect(judgePoolTarget({ ...run, chunksize: 32, baselineMs: 1094, ms: 644, busyMs: 640 })).toEqual({
      solved: false,
      message:
        '644 ms with 2 workers and chunksize 32, against 1094 ms for 1 worker: ×1.70, yet not by computing at once: chunksize 32 cuts the 32 blocks into 1 chunk, so only 1 worker ever gets any work; the others wait. The 1-worker run was slowed by something else on this device; run it again.',
    })
    expect(judgePoolTarget({ ...run, workers: 1, ms: 500, busyMs: 500 }).solved).toBe(false)
    // One core: the target is within reach of one worker, and stays so.
    expect(judgePoolTarget({ ...run, cores: 1, workers: 1, ms: 800, busyMs: 800 }).solved).toBe(true)
  })
})
