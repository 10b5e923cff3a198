import type { Verdict } from '@/components/mdx/challenge-client'

/** A line of end A's program, as the learner picks it. */
export const loopLines = { send: 'conn.send(n)', recv: 'reply = conn.recv()', pass: 'pass' } as const
export const afterLines = { none: 'conn.send(None)', close: 'conn.close()', pass: 'pass' } as const
export type LoopLine = keyof typeof loopLines
export type AfterLine = keyof typeof afterLines
export type PipeProgram = { loop: [LoopLine, LoopLine]; after: AfterLine }

/** How one end of the pipe ended: it returned, raised, or was still blocked in `recv()` when the run stopped. */
export type EndOutcome = { ended: 'returned' } | { ended: 'raised'; error: string } | { ended: 'blocked' }

export type PipeOutcome = {
  count: number
  /** What A's `recv()` calls returned, in order. */
  replies: number[]
  a: EndOutcome
  /** B's `pong` and how many numbers it answered. */
  b: EndOutcome & { answered: number }
}

const squares = (count: number) => Array.from({ length: count }, (_, n) => n * n)

/** Judges a run of A's program against the real B: every square came back in order, and B's loop ended on None. */
export function judgePipe({ count, replies, a, b }: PipeOutcome): Verdict {
  const expected = squares(count)
  const got = `A received [${replies.join(', ')}]`
  if (a.ended === 'blocked' && b.ended === 'blocked') {
    return {
      solved: false,
      message: `${got}; then A and B were both waiting in recv(), each for the other to send: a deadlock, and the program would hang. One end has to send first.`,
    }
  }
  if (a.ended === 'blocked') {
    return { solved: false, message: `${got} and then waited in recv() for a reply that never came: B answers each number once, so A can receive only after it sends.` }
  }
  if (a.ended === 'raised') return { solved: false, message: `${got}; then A raised ${a.error}.` }
  if (replies.join() !== expected.join()) {
    return {
      solved: false,
      message: `${got}, not the ${count} squares [${expected.join(', ')}]: each round trip is one send and then one recv() of its reply.`,
    }
  }
  if (b.ended === 'blocked') {
    return {
      solved: false,
      message: `A got all ${count} squares, but B answered ${b.answered} and is still waiting in recv(): nothing told it that no more numbers are coming, so p.join() would wait forever. Send the sentinel.`,
    }
  }
  if (b.ended === 'raised') {
    return {
      solved: false,
      message: `A got all ${count} squares, but B's recv() raised ${b.error}: A closed its end without the None that ends B's loop. In CPython it is worse: recv() raises EOFError only once every copy of A's end is closed, and a process started by fork holds copies of its own, so B would wait forever.`,
    }
  }
  return { solved: true, message: `A got the ${count} squares [${expected.join(', ')}], then sent None; B answered ${b.answered} numbers and returned.` }
}

export type SentinelTiming = 'after' | 'before'

export type QueueOutcome = {
  producers: number
  consumers: number
  itemsPerProducer: number
  sentinels: number
  when: SentinelTiming
  produced: number
  consumed: number
  /** Consumers whose loop ended on a None. */
  exited: number
  /** Items still in the queue when the run stopped, and how many of them were None. */
  left: number
  leftNone: number
  /** Nothing moved for a while and someone was still waiting: the program would hang. */
  hung: boolean
}

/** Judges a run with the learner's sentinels: every item consumed once, every consumer out, nothing left over. */
export function judgeSentinels(o: QueueOutcome): Verdict {
  const total = o.producers * o.itemsPerProducer
  const did = `${o.sentinels} None ${o.when === 'after' ? 'after joining the producers' : 'as soon as the producers started'}: ${o.consumed} of ${total} items consumed, ${o.exited} of ${o.consumers} consumers exited`
  if (o.when === 'before' && o.consumed < total) {
    return {
      solved: false,
      message: `${did}. The None went into the queue ahead of the items, so consumers stopped early${o.hung ? ', and the producers wait forever for room in the full queue' : ''}. Put the sentinels once the producers have finished: join() them first.`,
    }
  }
  if (o.exited < o.consumers) {
    return {
      solved: false,
      message: `${did}. ${o.consumers - o.exited} ${o.consumers - o.exited === 1 ? 'consumer is' : 'consumers are'} still blocked in get() on an empty queue, and join() would wait forever: each consumer needs a None of its own.`,
    }
  }
  if (o.leftNone > 0) {
    return {
      solved: false,
      message: `${did}, but ${o.leftNone} None ${o.leftNone === 1 ? 'was' : 'were'} never taken${o.hung ? ', and the parent is stuck putting the rest into the full queue' : ''}: one per consumer is enough, since a consumer stops at its first.`,
    }
  }
  if (o.consumed !== total) return { solved: false, message: `${did}: ${total - o.consumed} items were never consumed.` }
  return { solved: true, message: `${did}, each after its own None. Nothing was left in the queue.` }
}
