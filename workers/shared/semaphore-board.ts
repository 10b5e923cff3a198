import type { Region } from './sync'

/**
 * The semaphore demo's shared scoreboard: how many tasks are inside, the most ever inside, and
 * each task's state and times (ms since the run began). Tasks write it; the page reads it.
 */
export type TaskPhase = 'not started' | 'waiting' | 'inside' | 'done'
const phases: TaskPhase[] = ['not started', 'waiting', 'inside', 'done']

export type TaskView = { phase: TaskPhase; waitAt?: number; enterAt?: number; leaveAt?: number }
export type BoardView = { inside: number; mostInside: number; tasks: TaskView[] }

const INSIDE = 0
const MOST = 1
const HEADER = 2
const PER_TASK = 4 // phase, waitAt, enterAt, leaveAt

export class SemaphoreBoard {
  readonly #cells: Int32Array<SharedArrayBuffer>
  readonly tasks: number

  static bytes = (tasks: number) => (HEADER + PER_TASK * tasks) * Int32Array.BYTES_PER_ELEMENT

  constructor(region: Region, tasks: number) {
    this.tasks = tasks
    this.#cells = new Int32Array(region.buffer, region.byteOffset, HEADER + PER_TASK * tasks)
  }

  #set(task: number, field: number, value: number) {
    Atomics.store(this.#cells, HEADER + PER_TASK * task + field, value)
  }

  /** The task is about to call `acquire()`. */
  waiting(task: number, at: number) {
    this.#set(task, 1, at)
    this.#set(task, 0, 1)
  }

  /** The task holds a permit. Returns how many are inside now, itself included. */
  entered(task: number, at: number): number {
    this.#set(task, 2, at)
    this.#set(task, 0, 2)
    const inside = Atomics.add(this.#cells, INSIDE, 1) + 1
    for (let most = Atomics.load(this.#cells, MOST); inside > most; most = Atomics.load(this.#cells, MOST)) {
      if (Atomics.compareExchange(this.#cells, MOST, most, inside) === most) break
    }
    return inside
  }

  /** The task is leaving: called before it releases its permit, so counts never overshoot. */
  leaving(task: number, at: number) {
    Atomics.sub(this.#cells, INSIDE, 1)
    this.#set(task, 3, at)
    this.#set(task, 0, 3)
  }

  read(): BoardView {
    const c = this.#cells
    const time = (index: number) => (Atomics.load(c, index) >= 0 ? Atomics.load(c, index) : undefined)
    return {
      inside: Atomics.load(c, INSIDE),
      mostInside: Atomics.load(c, MOST),
      tasks: Array.from({ length: this.tasks }, (_, task) => {
        const base = HEADER + PER_TASK * task
        return { phase: phases[Atomics.load(c, base)] ?? 'not started', waitAt: time(base + 1), enterAt: time(base + 2), leaveAt: time(base + 3) }
      }),
    }
  }

  /** Every task not started, no times yet. */
  reset() {
    this.#cells.fill(0)
    for (let task = 0; task < this.tasks; task++) this.#cells.fill(-1, HEADER + PER_TASK * task + 1, HEADER + PER_TASK * (task + 1))
  }
}
