import { describe, expect, it } from 'vitest'
import { SemaphoreBoard } from './semaphore-board'
import { allocate } from './sync'

describe('SemaphoreBoard', () => {
  it('tracks each task and the most inside at once', () => {
    const { board: region } = allocate({ board: SemaphoreBoard.bytes(3) })
    const board = new SemaphoreBoard(region, 3)
    board.reset()
    expect(board.read().tasks.map((t) => t.phase)).toEqual(['not started', 'not started', 'not started'])
    for (const task of [0, 1, 2]) board.waiting(task, task)
    expect(board.entered(0, 5)).toBe(1)
    expect(board.entered(1, 6)).toBe(2)
    board.leaving(0, 50)
    expect(board.entered(2, 51)).toBe(2)
    const view = board.read()
    expect(view).toMatchObject({ inside: 2, mostInside: 2 })
    expect(view.tasks[0]).toEqual({ phase: 'done', waitAt: 0, enterAt: 5, leaveAt: 50 })
    expect(view.tasks[2]).toEqual({ phase: 'inside', waitAt: 2, enterAt: 51, leaveAt: undefined })
  })
})
