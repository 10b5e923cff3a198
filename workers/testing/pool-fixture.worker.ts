import { threadId } from 'node:worker_threads'
import { expose } from 'comlink'
import { poolTasks } from '../inside/pool-tasks'

class ValueError extends Error {
  override name = 'ValueError'
}

let tag = ''
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Tasks for the pool's unit tests, run in real worker threads. */
const tasks = {
  square: (n: number) => n * n,
  scale: (n: number, factor: number) => n * factor,
  add: (a: number, b: number, c = 0) => a + b + c,
  /** Answers after `ms`: lets later chunks finish first. */
  echoAfter: async (ms: number) => {
    await sleep(ms)
    return ms
  },
  failOn: (n: number, bad: number) => {
    if (n === bad) throw new ValueError(`bad item ${n}`)
    return n
  },
  /** Busy for `ms`, then says which thread it ran on. */
  spin: (ms: number) => {
    const end = Date.now() + ms
    while (Date.now() < end);
    return threadId
  },
  setTag: (value: string) => {
    tag = value
  },
  tagged: (n: number) => `${tag}${n}`,
}
export type FixtureTasks = typeof tasks

expose(poolTasks(tasks))
