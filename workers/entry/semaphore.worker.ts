import { expose } from 'comlink'
import { SemaphoreBoard } from '../shared/semaphore-board'
import { Barrier, ThreadingSemaphore, sleep, type Region } from '../shared/sync'
import { startTimeoutMs } from '../limits'

/** One run's shared memory: the semaphore, the scoreboard the page draws, the start line. */
export type SemaphoreMemory = { semaphore: Region; board: Region; start: Region; tasks: number; t0: number }

const clock = (t0: number) => () => Math.round(performance.timeOrigin + performance.now() - t0)

// #region task
/** One task: wait for a permit, spend `seconds` inside, give the permit back. */
function task(id: number, seconds: number, permits: ThreadingSemaphore, board: SemaphoreBoard, now: () => number) {
  board.waiting(id, now())
  permits.acquire() // `with permits:` — sleeps while every permit is taken
  try {
    board.entered(id, now())
    sleep(seconds * 1000)
    board.leaving(id, now())
  } finally {
    permits.release() // wakes one waiting task
  }
}
// #endregion

const api = {
  /** Answers once this worker's module has loaded. */
  ready: () => true,
  /** Waits until every task's worker is ready, then runs task `id` against the shared semaphore. */
  run(id: number, seconds: number, memory: SemaphoreMemory): void {
    const board = new SemaphoreBoard(memory.board, memory.tasks)
    new Barrier(memory.start).wait(startTimeoutMs)
    task(id, seconds, new ThreadingSemaphore(memory.semaphore), board, clock(memory.t0))
  },
}

export type SemaphoreApi = typeof api
expose(api)
