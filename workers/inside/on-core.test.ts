import { describe, expect, it } from 'vitest'
import { onCoreMs, onCoreSlices, runOnCore } from './on-core'

/** A clock that advances by the given step durations (ms), one per call after the first. */
function clock(start: number, steps: number[]) {
  let t = start
  let i = 0
  return () => {
    const now = t
    t += steps[i++] ?? 0
    return now
  }
}

describe('runOnCore', () => {
  it('does all the work, in steps, and finds no pause when every step takes about as long', () => {
    const done: number[] = []
    const run = runOnCore(45, 10, (n) => done.push(n), clock(100, [0.02, 0.021, 0.02, 0.019, 0.01]))
    expect(done).toEqual([10, 10, 10, 10, 5])
    expect(run.off).toEqual([])
    expect(run.start).toBe(100)
    expect(run.end).toBeCloseTo(100.09)
    expect(onCoreMs(run)).toBeCloseTo(0.09)
  })

  it('counts a step that took far longer than the fastest as time off the core, less one step of work', () => {
    // The third step took 5 ms: 0.02 ms of work and about 4.98 ms on which another thread had the core.
    const run = runOnCore(50, 10, () => {}, clock(0, [0.02, 0.02, 5, 0.02, 0.02]))
    expect(run.off).toHaveLength(2)
    expect(run.off[0]).toBeCloseTo(0.06)
    expect(run.off[1]).toBeCloseTo(5.04)
    expect(onCoreMs(run)).toBeCloseTo(0.1)
  })

  it('takes a slow step for a pause only past 0.2 ms, however fast the others are', () => {
    const run = runOnCore(30, 10, () => {}, clock(0, [0.01, 0.15, 0.01]))
    expect(run.off).toEqual([])
  })

  it('does not learn its step time from the short last step', () => {
    // The last step does 1 iteration: 0.001 ms. Had it set the fastest step, the next pause test would be stricter.
    const run = runOnCore(21, 10, () => {}, clock(0, [0.02, 0.02, 0.001]))
    expect(run.off).toEqual([])
  })
})

describe('onCoreSlices', () => {
  const run = { start: 1000, end: 1100, off: [1020, 1030, 1050, 1050.5, 1070, 1080] }

  it('splits the run at its pauses, from the run clock’s zero', () => {
    expect(onCoreSlices(run, 1000)).toEqual([
      { start: 0, end: 20 },
      { start: 30, end: 50 },
      { start: 50.5, end: 70 },
      { start: 80, end: 100 },
    ])
  })

  it('joins the slices either side of a pause too short to draw, and still counts it', () => {
    expect(onCoreSlices(run, 1000, 1)).toEqual([
      { start: 0, end: 20 },
      { start: 30, end: 70 },
      { start: 80, end: 100 },
    ])
    expect(onCoreMs(run)).toBeCloseTo(79.5)
  })

  it('is one slice for a run never paused', () => {
    expect(onCoreSlices({ start: 5, end: 9, off: [] }, 5)).toEqual([{ start: 0, end: 4 }])
  })
})
