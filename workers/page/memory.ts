/**
 * The memory demo's experiments, from the page's side: what a worker's change to an array does to
 * the page's array (copied, then shared), and how long a big buffer takes to reach a worker when it
 * is copied, transferred or shared.
 */
import { transfer } from 'comlink'
import type { MemoryApi } from '../entry/memory.worker'
import { sharedNow } from '../clock'
import { median } from '../stats'
import type { Spawned } from './worker-group'

export type Sharing = 'copy' | 'transfer' | 'share'

/** Sends `[1, 2, 3, 4]` to a worker that doubles it; what the page's array and the worker's hold after. */
export async function doubleIn(worker: Spawned<MemoryApi>, shared: boolean) {
  // #region arrays
  const page = shared
    ? new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT))
    : new Int32Array(4)
  page.set([1, 2, 3, 4])
  const inWorker = await worker.api.double(page)
  // Copied: the page still reads 1, 2, 3, 4. Shared: 2, 4, 6, 8.
  // #endregion
  return { page: [...page], worker: [...inWorker] }
}

/**
 * Milliseconds from posting a buffer of `bytes` to its arrival in the worker (one clock, shared by
 * page and worker); the median of `repetitions`. After a transfer the page's buffer is empty.
 */
export async function timeSending(worker: Spawned<MemoryApi>, how: Sharing, bytes: number, repetitions = 3) {
  const times: number[] = []
  let leftOnPage = bytes
  for (let i = 0; i < repetitions; i++) {
    const buffer = how === 'share' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes)
    new Uint8Array(buffer).fill(7) // real pages of memory, not untouched zeroes
    const sent = sharedNow()
    const { arrived, bytes: received } = await worker.api.receive(how === 'transfer' ? transfer(buffer, [buffer as ArrayBuffer]) : buffer)
    if (received !== bytes) throw new Error(`the worker received ${received} bytes of ${bytes}`)
    times.push(arrived - sent)
    leftOnPage = buffer.byteLength
  }
  return { ms: median(times), leftOnPage }
}
