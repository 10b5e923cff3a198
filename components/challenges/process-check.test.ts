import { describe, expect, it } from 'vitest'
import { judgePipe, judgeSentinels, type QueueOutcome } from './process-check'

describe('judgePipe', () => {
  const returned = { ended: 'returned' } as const
  const blocked = { ended: 'blocked' } as const

  it('solves a ping-pong in which A gets every square and B returns on None', () => {
    expect(judgePipe({ count: 3, replies: [0, 1, 4], a: returned, b: { ...returned, answered: 3 } })).toEqual({
      solved: true,
      message: 'A got the 3 squares [0, 1, 4], then sent None; B answered 3 numbers and returned.',
    })
  })

  it('calls two ends both waiting in recv() a deadlock', () => {
    const verdict = judgePipe({ count: 3, replies: [], a: blocked, b: { ...blocked, answered: 0 } })
    expect(verdict.solved).toBe(false)
    expect(verdict.message).toBe('A received []; then A and B were both waiting in recv(), each for the other to send: a deadlock, and the program would hang. One end has to send first.')
  })

  it('says when B never hears that the numbers are over', () => {
    expect(judgePipe({ count: 3, replies: [0, 1, 4], a: returned, b: { ...blocked, answered: 3 } }).message).toContain(
      'B answered 3 and is still waiting in recv(): nothing told it that no more numbers are coming',
    )
  })

  it('says closing is not the sentinel, and why it is worse in CPython', () => {
    const verdict = judgePipe({ count: 3, replies: [0, 1, 4], a: returned, b: { ended: 'raised', error: 'EOFError: the other end of the pipe was closed', answered: 3 } })
    expect(verdict.solved).toBe(false)
    expect(verdict.message).toContain("B's recv() raised EOFError")
    expect(verdict.message).toContain('a process started by fork holds copies of its own')
  })

  it('says what A got when it did not receive each reply', () => {
    expect(judgePipe({ count: 3, replies: [], a: returned, b: { ...returned, answered: 3 } }).message).toBe(
      'A received [], not the 3 squares [0, 1, 4]: each round trip is one send and then one recv() of its reply.',
    )
  })
})

describe('judgeSentinels', () => {
  const base: QueueOutcome = { producers: 2, consumers: 3, itemsPerProducer: 6, sentinels: 3, when: 'after', produced: 12, consumed: 12, exited: 3, left: 0, leftNone: 0, hung: false }

  it('solves one None per consumer after the producers', () => {
    expect(judgeSentinels(base)).toEqual({
      solved: true,
      message: '3 None after joining the producers: 12 of 12 items consumed, 3 of 3 consumers exited, each after its own None. Nothing was left in the queue.',
    })
  })

  it('says a consumer without a None blocks for good', () => {
    expect(judgeSentinels({ ...base, sentinels: 2, exited: 2, hung: true })).toEqual({
      solved: false,
      message:
        '2 None after joining the producers: 12 of 12 items consumed, 2 of 3 consumers exited. 1 consumer is still blocked in get() on an empty queue, and join() would wait forever: each consumer needs a None of its own.',
    })
  })

  it('says None put too early stops the consumers before the items', () => {
    const verdict = judgeSentinels({ ...base, when: 'before', produced: 7, consumed: 0, hung: true, left: 4 })
    expect(verdict.solved).toBe(false)
    expect(verdict.message).toContain('The None went into the queue ahead of the items, so consumers stopped early, and the producers wait forever for room in the full queue.')
  })

  it('says extra None are never taken', () => {
    expect(judgeSentinels({ ...base, sentinels: 5, left: 2, leftNone: 2 }).message).toContain('but 2 None were never taken: one per consumer is enough')
  })
})
