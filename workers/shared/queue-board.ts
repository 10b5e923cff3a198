/**
 * The queue demo's scoreboard: shared int32 counters its producers and consumers update as they
 * go, and the page reads a few times a second. No messages needed: everyone sees the same memory.
 */

/** The most producers, and the most consumers, a run can have. */
export const MAX_SIDE = 8
/** The item that tells a consumer to stop: Python's `None`. */
export const NONE = -1

/** What a producer or consumer is doing. */
export const Doing = { idle: 0, working: 1, waiting: 2, done: 3 } as const
export type Doing = (typeof Doing)[keyof typeof Doing]

export const slot = {
  /** A word that stays 0: `Atomics.wait` on it is a `time.sleep`. */
  sleep: 0,
  produced: (p: number) => 1 + p,
  producer: (p: number) => 1 + MAX_SIDE + p,
  consumed: (c: number) => 1 + 2 * MAX_SIDE + c,
  consumer: (c: number) => 1 + 3 * MAX_SIDE + c,
  /** Sum of (producer × 1000 + n + 1) over the items a consumer got: checks each arrived once. */
  checksum: (c: number) => 1 + 4 * MAX_SIDE + c,
} as const

const WORDS = 1 + 5 * MAX_SIDE

export const createBoard = () => new Int32Array(new SharedArrayBuffer(WORDS * Int32Array.BYTES_PER_ELEMENT))

/** What the checksums add up to when every item of every producer is consumed exactly once. */
export function expectedChecksum(producers: number, items: number): number {
  let sum = 0
  for (let p = 0; p < producers; p++) for (let n = 0; n < items; n++) sum += p * 1000 + n + 1
  return sum
}
