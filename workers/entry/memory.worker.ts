import { expose } from 'comlink'
import { sharedNow } from '../clock'

const api = {
  // #region double
  /**
   * Doubles every number in the array it was given, in place. Sent normally, the array is a copy
   * and the page's own array does not change; over a SharedArrayBuffer it is the page's memory.
   */
  double(numbers: Int32Array): Int32Array {
    for (let i = 0; i < numbers.length; i++) numbers[i]! *= 2
    return numbers
  },
  // #endregion

  /** When a buffer arrived here (on the clock the page shares), and how big it is. */
  receive(buffer: ArrayBuffer | SharedArrayBuffer): { arrived: number; bytes: number } {
    return { arrived: sharedNow(), bytes: buffer.byteLength }
  },
}

export type MemoryApi = typeof api
expose(api)
