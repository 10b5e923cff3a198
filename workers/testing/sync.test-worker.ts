// A Node `worker_threads` thread for shared/sync.test.ts: attaches to primitives posted from the test's
// thread and exercises them for real. The test transpiles this file and sync.ts to plain JS first.
import { parentPort, workerData } from 'node:worker_threads'
import { Barrier, BrokenBarrierError, Mutex, ThreadingSemaphore, sleep, type Region } from '../shared/sync'

export type Job =
  | { task: 'count'; mode: 'unsafe' | 'lock' | 'atomic'; n: number; counter: Region; inside: Region; lock: Region; start: Region }
  | { task: 'acquire'; lock: Region; timeoutMs?: number; holdMs: number }
  | { task: 'semaphore'; semaphore: Region; stats: Region; start: Region; holdMs: number; rounds: number }
  | { task: 'barrier'; barrier: Region; slots: Region; id: number; rounds: number; timeoutMs?: number }

export type Report = {
  /** Times a thread found another inside a section only one may enter. */
  violations?: number
  acquired?: boolean
  set?: boolean
  indices?: number[]
  broken?: boolean
  ms?: number
  /** Calls to Atomics.wait this thread made: a spinning lock would make none, or thousands. */
  waits?: number
}

const job = workerData as Job
const ints = (region: Region, length: number) => new Int32Array(region.buffer, region.byteOffset, length)

let waits = 0
const wait = Atomics.wait.bind(Atomics) as (cells: Int32Array, index: number, value: number, timeout?: number) => ReturnType<typeof Atomics.wait>
Atomics.wait = ((cells: Int32Array, index: number, value: number, timeout?: number) => {
  waits++
  return wait(cells, index, value, timeout)
}) as typeof Atomics.wait

function run(): Report {
  switch (job.task) {
    case 'count': {
      const counter = ints(job.counter, 1)
      const inside = ints(job.inside, 1)
      const lock = new Mutex(job.lock)
      new Barrier(job.start).wait()
      let violations = 0
      for (let i = 0; i < job.n; i++) {
        if (job.mode === 'atomic') {
          Atomics.add(counter, 0, 1)
        } else if (job.mode === 'unsafe') {
          Atomics.store(counter, 0, Atomics.load(counter, 0) + 1)
        } else {
          lock.acquire()
          if (Atomics.add(inside, 0, 1) !== 0) violations++
          Atomics.store(counter, 0, Atomics.load(counter, 0) + 1)
          Atomics.sub(inside, 0, 1)
          lock.release()
        }
      }
      return { violations }
    }
    case 'acquire': {
      const lock = new Mutex(job.lock)
      waits = 0
      const start = performance.now()
      const acquired = lock.acquire(job.timeoutMs)
      const ms = performance.now() - start
      const made = waits
      if (acquired) {
        sleep(job.holdMs)
        lock.release()
      }
      return { acquired, ms, waits: made }
    }
    case 'semaphore': {
      const semaphore = new ThreadingSemaphore(job.semaphore)
      // stats: [inside now, most inside at once, completed]
      const stats = ints(job.stats, 3)
      new Barrier(job.start).wait()
      for (let round = 0; round < job.rounds; round++) {
        semaphore.acquire()
        const now = Atomics.add(stats, 0, 1) + 1
        for (let most = Atomics.load(stats, 1); now > most; most = Atomics.load(stats, 1)) {
          if (Atomics.compareExchange(stats, 1, most, now) === most) break
        }
        sleep(job.holdMs)
        Atomics.sub(stats, 0, 1)
        Atomics.add(stats, 2, 1)
        semaphore.release()
      }
      return {}
    }
    case 'barrier': {
      const barrier = new Barrier(job.barrier)
      const slots = ints(job.slots, barrier.parties)
      const indices: number[] = []
      let violations = 0
      try {
        for (let round = 1; round <= job.rounds; round++) {
          Atomics.store(slots, job.id, round)
          indices.push(barrier.wait(job.timeoutMs))
          // Past the barrier, every thread has written this round.
          for (let other = 0; other < slots.length; other++) if (Atomics.load(slots, other) < round) violations++
          // And none may start the next round before all have checked this one.
          barrier.wait(job.timeoutMs)
        }
      } catch (error) {
        if (error instanceof BrokenBarrierError) return { indices, violations, broken: true }
        throw error
      }
      return { indices, violations, broken: false }
    }
  }
}

parentPort!.postMessage(run())
