import { expose } from 'comlink'
import { poolTasks } from '../inside/pool-tasks'

/** Raised by a task, like Python's `ValueError`; its name and message reach the page. */
class ValueError extends Error {
  override name = 'ValueError'
}

// #region square
/** The notes' `square_number(n, multiplier)`; `failAt` makes one item raise, to show how errors travel. */
function squareNumber(n: number, multiplier: number, failAt: number | null = null): number {
  if (n === failAt) throw new ValueError(`square_number refuses n = ${n}`)
  return n * n * multiplier
}
// #endregion

// #region primes
/** Trial division: pure computation, no memory traffic to speak of. */
function isPrime(n: number): boolean {
  if (n < 2) return false
  if (n % 2 === 0) return n === 2
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false
  return true
}

/** Counts the primes in block number `block` of `blockSize` numbers: a CPU-bound task. */
function countPrimes(block: number, blockSize: number): number {
  let count = 0
  for (let n = block * blockSize; n < (block + 1) * blockSize; n++) if (isPrime(n)) count++
  return count
}
// #endregion

/**
 * Runs some of the prime counting (a few milliseconds) before anything is timed, long enough for
 * the JIT's optimizing compiler to finish: with less, it was still compiling during the timed run,
 * on a core the other workers needed.
 */
function warmUp(blockSize: number): number {
  return countPrimes(1, blockSize)
}

// `isPrime` is a task too, and that matters for speed: a function used once gets inlined by the
// minifier, and inlined into countPrimes's loop it became a closure created for every number. The
// workers then spent about a tenth of their time collecting garbage.
const tasks = { squareNumber, isPrime, countPrimes, warmUp }
export type PoolTasks = typeof tasks

const api = poolTasks(tasks)
export type PoolApi = typeof api
expose(api)
