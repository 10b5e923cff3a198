import { Pool } from '@/workers/page/pool'
import type { WorkerSource } from '@/workers/page/pool'
import { sharedNow } from '@/workers/inside/pool-tasks'
import type { PoolTasks } from '@/workers/entry/pool.worker'
import type { TaskServer } from '@/workers/inside/pool-tasks'

/**
 * The job the pool challenges time: the pool speedup demo's, half the size (count the primes below
 * 3,200,000, one block of 100,000 per item), so that a check, baseline included, takes seconds.
 */
export const BLOCKS = 32
export const BLOCK_SIZE = 100_000
/** Largest first, as in the demo: the last blocks are the quick ones. */
const LARGEST_FIRST = Array.from({ length: BLOCKS }, (_, i) => BLOCKS - 1 - i)

/**
 * Times one `pool.map` of the job on a fresh pool, from the moment every worker is ready (and
 * warmed up, as in the demo) to the last result, in milliseconds; and `busyMs`, the time the
 * workers spent inside chunks, summed. `busyMs / ms` is how many computed at once, on average.
 */
export async function timePool(
  source: WorkerSource<TaskServer<PoolTasks>>,
  workers: number,
  chunksize: number,
  signal: AbortSignal,
): Promise<{ ms: number; busyMs: number }> {
  const pool = new Pool<PoolTasks>(source, { size: workers, signal, initializer: { task: 'warmUp', args: [BLOCK_SIZE] } })
  try {
    await pool.ready()
    let busyMs = 0
    const t0 = sharedNow()
    await pool.map(pool.partial('countPrimes', BLOCK_SIZE), LARGEST_FIRST, {
      chunksize,
      onChunk: (chunk) => void (chunk.type === 'done' && (busyMs += chunk.end - chunk.start)),
    })
    return { ms: sharedNow() - t0, busyMs }
  } finally {
    pool.terminate()
  }
}
