import { describe, expect, it } from 'vitest'
import { DeadlockBoard, findCycle, type ThreadView } from './deadlock-board'
import { allocate } from './sync'

const thread = (holds: ThreadView['holds'], waitsFor: ThreadView['waitsFor']): ThreadView => ({
  phase: waitsFor ? 'waiting' : 'working',
  holds,
  waitsFor,
})

describe('findCycle', () => {
  it('finds the cycle when each thread holds the lock the other waits for', () => {
    expect(findCycle([thread(['A'], 'B'), thread(['B'], 'A')])).toEqual([
      { thread: 0, holds: 'A', waitsFor: 'B' },
      { thread: 1, holds: 'B', waitsFor: 'A' },
    ])
  })

  it('sees no cycle when one thread merely waits for the other (one global order)', () => {
    expect(findCycle([thread(['A', 'B'], null), thread([], 'A')])).toBeNull()
    expect(findCycle([thread(['A'], 'B'), thread([], 'A')])).toBeNull()
    expect(findCycle([thread([], null), thread([], null)])).toBeNull()
  })
})

describe('DeadlockBoard', () => {
  it('records holds and waits in shared memory, readable from another view', () => {
    const { board: region } = allocate({ board: DeadlockBoard.bytes })
    const writer = new DeadlockBoard(region)
    writer.took(0, 'A')
    writer.took(1, 'B')
    writer.waitsFor(0, 'B', 300)
    writer.waitsFor(1, 'A', 301)
    const reader = new DeadlockBoard(region)
    expect(findCycle(reader.read())).not.toBeNull()
    writer.gaveUp(0)
    writer.released(0, 'A')
    expect(reader.read()[0]).toEqual({ phase: 'gave up', holds: [], waitsFor: null, waitingSince: undefined })
    expect(findCycle(reader.read())).toBeNull()
  })
})
