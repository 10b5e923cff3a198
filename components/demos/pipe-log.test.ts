import { describe, expect, it } from 'vitest'
import type { PipeEvent } from '@/workers/entry/pipe.worker'
import { crossings, emptyPipeLog, file } from './pipe-log'

const events: PipeEvent[] = [
  { end: 'a', kind: 'send', value: 2, at: 1 },
  { end: 'b', kind: 'recv', value: 2, at: 2 },
  { end: 'b', kind: 'send', value: 4, at: 3 },
  { end: 'a', kind: 'recv', value: 4, at: 4 },
  { end: 'a', kind: 'send', value: null, at: 5 },
  { end: 'b', kind: 'recv', value: null, at: 6 },
]

describe('the pipe log', () => {
  it('pairs each send with the matching receive at the other end', () => {
    const log = events.reduce(file, emptyPipeLog())
    expect(crossings(log)).toEqual([
      { from: 'a', value: 2, sentAt: 1, receivedAt: 2 },
      { from: 'b', value: 4, sentAt: 3, receivedAt: 4 },
      { from: 'a', value: null, sentAt: 5, receivedAt: 6 },
    ])
    expect(log.counts).toEqual({ a: { send: 2, recv: 1 }, b: { send: 1, recv: 2 } })
  })

  it('gives the same picture when the reports arrive out of order', () => {
    const shuffled = [events[1]!, events[0]!, events[3]!, events[2]!, events[5]!, events[4]!]
    expect(crossings(shuffled.reduce(file, emptyPipeLog()))).toEqual(crossings(events.reduce(file, emptyPipeLog())))
  })

  it('keeps each reply after the message it answers, even if the clocks disagree', () => {
    const skewed: PipeEvent[] = [
      { end: 'a', kind: 'send', value: 1, at: 10 },
      { end: 'b', kind: 'recv', value: 1, at: 9.9 },
      { end: 'b', kind: 'send', value: 1, at: 9.95 },
      { end: 'a', kind: 'recv', value: 1, at: 10.1 },
    ]
    expect(crossings(skewed.reduce(file, emptyPipeLog())).map((c) => c.from)).toEqual(['a', 'b'])
  })

  it('shows a message in flight as sent but not yet received', () => {
    expect(crossings(file(emptyPipeLog(), events[0]!))).toEqual([{ from: 'a', value: 2, sentAt: 1 }])
  })
})
