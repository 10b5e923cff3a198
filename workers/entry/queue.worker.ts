import { expose } from 'comlink'
import { Doing, NONE, slot } from '../shared/queue-board'
import { SharedQueue } from '../shared/shared-queue'

const api = {
  // #region producer-consumer
  /** A producer: makes `items` items, one every `makeMs`, and puts each on the queue as (producer, n). */
  producer(queueBuffer: SharedArrayBuffer, boardBuffer: SharedArrayBuffer, id: number, items: number, makeMs: number): number {
    const queue = new SharedQueue(queueBuffer)
    const board = new Int32Array(boardBuffer)
    for (let n = 0; n < items; n++) {
      Atomics.store(board, slot.producer(id), Doing.working)
      Atomics.wait(board, slot.sleep, 0, makeMs) // time.sleep(make)
      const item = [id, n]
      if (!queue.put(item, 0)) {
        Atomics.store(board, slot.producer(id), Doing.waiting) // full: put() blocks until a consumer makes room
        queue.put(item)
      }
      Atomics.add(board, slot.produced(id), 1)
    }
    Atomics.store(board, slot.producer(id), Doing.done)
    return items
  },
  /** A consumer: gets items until it gets None, spending `workMs` on each; returns how many it used. */
  consumer(queueBuffer: SharedArrayBuffer, boardBuffer: SharedArrayBuffer, id: number, workMs: number): number {
    const queue = new SharedQueue(queueBuffer)
    const board = new Int32Array(boardBuffer)
    let consumed = 0
    for (;;) {
      let item = queue.get(0)
      if (!item) {
        Atomics.store(board, slot.consumer(id), Doing.waiting) // empty: get() blocks until a producer puts
        item = queue.get()!
      }
      if (item[0] === NONE) break
      Atomics.store(board, slot.consumer(id), Doing.working)
      Atomics.wait(board, slot.sleep, 0, workMs) // use the item
      consumed++
      Atomics.add(board, slot.consumed(id), 1)
      Atomics.add(board, slot.checksum(id), item[0]! * 1000 + item[1]! + 1)
    }
    Atomics.store(board, slot.consumer(id), Doing.done)
    return consumed
  },
  // #endregion
}

export type QueueApi = typeof api
expose(api)
