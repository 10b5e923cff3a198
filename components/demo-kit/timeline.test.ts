import { describe, expect, it } from 'vitest'
import { describeAt, type Area, type TimelineLane } from './timeline'

// Two lanes 20 px high with a 10 px gap, on a 100 px wide axis of 100 ms: 1 px is 1 ms.
const area: Area = { width: 100, height: 50, gap: 10, scale: 2 }
const lanes: TimelineLane[] = [
  { label: 'worker 1', spans: [{ start: 0, end: 40, label: 'block 7' }, { start: 40, label: 'block 5' }] },
  { label: 'worker 2', spans: [{ start: 10, end: 20, label: 'block 6' }, { start: 60, end: 60.2, label: 'block 4' }] },
]
const at = (x: number, y: number, now = 70) => describeAt(lanes, 100, now, area, x, y)

describe('describeAt, the tooltip of a timeline', () => {
  it('names the lane and the span under the pointer, with its times', () => {
    expect(at(20, 10)).toBe('worker 1, block 7: 0 ms → 40 ms')
    expect(at(15, 45)).toBe('worker 2, block 6: 10 ms → 20 ms')
  })

  it('says a span is running until it ends, and ends it at the time now', () => {
    expect(at(65, 10)).toBe('worker 1, block 5: 40 ms → running')
    expect(at(75, 10)).toBe('')
    expect(at(75, 10, 80)).toBe('worker 1, block 5: 40 ms → running')
  })

  it('prefers the later span where two meet, and finds a span drawn wider than it lasts', () => {
    expect(at(40, 10)).toBe('worker 1, block 5: 40 ms → running')
    expect(at(61.5, 45)).toBe('worker 2, block 4: 60 ms → 60 ms')
  })

  it('says nothing between spans, in the gap between lanes, or below the last lane', () => {
    expect(at(30, 45)).toBe('')
    expect(at(20, 25)).toBe('')
    expect(at(20, 80)).toBe('')
  })
})
