import { appendFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'

export { median } from '../workers/stats'

export const resultsFile = path.join(process.cwd(), 'bench-results', 'results.jsonl')

export type BenchRow = {
  /** What was measured, e.g. "pool speedup, 2 workers vs 1". */
  name: string
  value: number
  unit: string
  /** What good looks like, e.g. "ideal 2.0" or "target ≥ 1.8". */
  target?: string
}

/** Records one figure for `npm run bench` to print. Benchmarks report; they never assert timings. */
export function record(row: BenchRow) {
  mkdirSync(path.dirname(resultsFile), { recursive: true })
  appendFileSync(resultsFile, `${JSON.stringify(row)}\n`)
}

