import { describe, expect, it } from 'vitest'
import { liveAxis } from './live-lanes'

describe('liveAxis', () => {
  it('keeps its length while the run fits, so drawn spans stay put', () => {
    expect(liveAxis(800, 10)).toBe(800)
    expect(liveAxis(800, 800)).toBe(800)
  })

  it('stretches to half again the elapsed time, in whole 100 ms, once outgrown', () => {
    expect(liveAxis(800, 801)).toBe(1300)
    expect(liveAxis(null, 250)).toBe(400)
    expect(liveAxis(null, 0)).toBe(100)
  })
})
