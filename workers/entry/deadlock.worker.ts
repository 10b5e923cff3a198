import { expose } from 'comlink'
import { DeadlockBoard, type LockName } from '../shared/deadlock-board'
import { Barrier, Mutex, sleep, type Region } from '../shared/sync'
import { startTimeoutMs } from '../limits'

export type LockOrder = 'opposite' | 'global'

/** One run's shared memory: locks A and B, the board the page draws, the start line. */
export type DeadlockMemory = { a: Region; b: Region; board: Region; start: Region; t0: number }

type Account = { name: LockName; lock: Mutex }

/** How long each thread works while it holds its first lock: long enough for the other thread to take its own. */
const workMs = 300

// #region transfer
/** Locks two accounts, one after the other; false if it gave up. */
function transfer(me: number, first: Account, second: Account, timeoutMs: number, board: DeadlockBoard, now: () => number): boolean {
  first.lock.acquire()
  board.took(me, first.name)
  try {
    sleep(workMs)
    board.waitsFor(me, second.name, now())
    // Without a timeout this can wait forever: the other thread may
    // hold `second` and be waiting for `first`.
    if (!second.lock.acquire(timeoutMs)) {
      board.gaveUp(me)
      return false
    }
    board.took(me, second.name)
    try {
      sleep(workMs)
    } finally {
      second.lock.release()
      board.released(me, second.name)
    }
    board.phase(me, 'done')
    return true
  } finally {
    first.lock.release()
    board.released(me, first.name)
  }
}

/**
 * Thread 1 moves money from A to B, thread 2 from B to A. Each locks the
 * account it takes from first — or, the fix, every thread locks A first.
 */
function locksFor(me: number, order: LockOrder, a: Account, b: Account): [Account, Account] {
  const [from, to] = me === 0 ? [a, b] : [b, a]
  if (order === 'opposite') return [from, to]
  return from.name < to.name ? [from, to] : [to, from]
}
// #endregion

const api = {
  /** Answers once this worker's module has loaded. */
  ready: () => true,
  /** Runs thread `me` (0 or 1): waits for the other at the start line, then does its transfer. */
  run(me: number, order: LockOrder, timeoutMs: number, memory: DeadlockMemory): boolean {
    const board = new DeadlockBoard(memory.board)
    const a: Account = { name: 'A', lock: new Mutex(memory.a) }
    const b: Account = { name: 'B', lock: new Mutex(memory.b) }
    const [first, second] = locksFor(me, order, a, b)
    new Barrier(memory.start).wait(startTimeoutMs)
    const now = () => Math.round(performance.timeOrigin + performance.now() - memory.t0)
    return transfer(me, first, second, timeoutMs, board, now)
  },
}

export type DeadlockApi = typeof api
expose(api)
