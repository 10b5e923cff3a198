import type { Region } from './sync'

export const lockNames = ['A', 'B'] as const
export type LockName = (typeof lockNames)[number]

export type ThreadPhase = 'starting' | 'working' | 'waiting' | 'done' | 'gave up'
const phases: ThreadPhase[] = ['starting', 'working', 'waiting', 'done', 'gave up']

export type ThreadView = {
  phase: ThreadPhase
  holds: LockName[]
  waitsFor: LockName | null
  /** Ms since the run began when the current wait started. */
  waitingSince?: number
}

const PER_THREAD = 4 // phase, holds (bit mask), waitsFor (0 none, 1 A, 2 B), waitingSince
const bit = (lock: LockName) => 1 << lockNames.indexOf(lock)

/** The deadlock demo's shared board: which thread holds and waits for which lock. Threads write, the page reads. */
export class DeadlockBoard {
  static readonly threads = 2
  static readonly bytes = PER_THREAD * DeadlockBoard.threads * Int32Array.BYTES_PER_ELEMENT
  readonly #cells: Int32Array<SharedArrayBuffer>

  constructor(region: Region) {
    this.#cells = new Int32Array(region.buffer, region.byteOffset, PER_THREAD * DeadlockBoard.threads)
  }

  #at = (thread: number, field: number) => PER_THREAD * thread + field

  phase(thread: number, phase: ThreadPhase) {
    Atomics.store(this.#cells, this.#at(thread, 0), phases.indexOf(phase))
  }

  took(thread: number, lock: LockName) {
    Atomics.or(this.#cells, this.#at(thread, 1), bit(lock))
    Atomics.store(this.#cells, this.#at(thread, 2), 0)
    this.phase(thread, 'working')
  }

  released(thread: number, lock: LockName) {
    Atomics.and(this.#cells, this.#at(thread, 1), ~bit(lock))
  }

  waitsFor(thread: number, lock: LockName, since: number) {
    Atomics.store(this.#cells, this.#at(thread, 3), since)
    Atomics.store(this.#cells, this.#at(thread, 2), lockNames.indexOf(lock) + 1)
    this.phase(thread, 'waiting')
  }

  /** The thread stopped waiting without the lock (its acquire timed out). */
  gaveUp(thread: number) {
    Atomics.store(this.#cells, this.#at(thread, 2), 0)
    this.phase(thread, 'gave up')
  }

  read(): ThreadView[] {
    return Array.from({ length: DeadlockBoard.threads }, (_, thread) => {
      const holds = Atomics.load(this.#cells, this.#at(thread, 1))
      const waits = Atomics.load(this.#cells, this.#at(thread, 2))
      return {
        phase: phases[Atomics.load(this.#cells, this.#at(thread, 0))] ?? 'starting',
        holds: lockNames.filter((lock) => holds & bit(lock)),
        waitsFor: waits ? lockNames[waits - 1]! : null,
        waitingSince: waits ? Atomics.load(this.#cells, this.#at(thread, 3)) : undefined,
      }
    })
  }
}

/**
 * A deadlock is a cycle of waits: each thread waits for a lock another thread holds. With two
 * threads and two locks, that means each holds the lock the other waits for.
 */
export function findCycle(threads: ThreadView[]): { thread: number; holds: LockName; waitsFor: LockName }[] | null {
  const holder = (lock: LockName) => threads.findIndex((t) => t.holds.includes(lock))
  const start = threads.findIndex((t) => t.waitsFor !== null)
  if (start < 0) return null
  const path: { thread: number; holds: LockName; waitsFor: LockName }[] = []
  const seen = new Set<number>()
  for (let thread = start; !seen.has(thread); ) {
    seen.add(thread)
    const waitsFor = threads[thread]!.waitsFor
    if (waitsFor === null) return null
    const next = holder(waitsFor)
    if (next < 0 || next === thread) return null
    path.push({ thread, holds: threads[thread]!.holds.find((l) => l !== waitsFor) ?? waitsFor, waitsFor })
    thread = next
    if (thread === start) return path
  }
  return null
}
