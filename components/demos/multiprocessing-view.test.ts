import { describe, expect, it } from 'vitest'
import { itemRanges, workerHue } from './multiprocessing-view'

describe('itemRanges', () => {
  it('compresses the items a worker computed into runs', () => {
    const owners = [0, 0, 0, 1, 0, 1, 1, 1, 0]
    expect(itemRanges(owners, 0)).toEqual({ count: 5, text: '0–2, 4, 8' })
    expect(itemRanges(owners, 1)).toEqual({ count: 4, text: '3, 5–7' })
    expect(itemRanges(owners, 2)).toEqual({ count: 0, text: '' })
  })

  it('shows only the first runs of a long list', () => {
    const owners = Array.from({ length: 20 }, (_, i) => i % 2)
    expect(itemRanges(owners, 0, 3).text).toBe('0, 2, 4, … 7 more runs')
  })
})

describe('workerHue', () => {
  it('gives neighbouring workers clearly different hues', () => {
    for (let w = 0; w < 15; w++) {
      const gap = Math.abs(workerHue(w) - workerHue(w + 1))
      expect(Math.min(gap, 360 - gap)).toBeGreaterThan(60)
    }
  })
})
