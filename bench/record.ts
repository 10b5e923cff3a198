import { appendFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Locator } from '@playwright/test'

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


/**
 * Clicks the demo's Run and waits for it to settle (`done` or `error`) without polling: the page
 * reports the change itself. A polling wait runs a script on the page's main thread every few
 * hundred ms, and there it would delay the messages a pool's workers are waiting for.
 */
export async function runDemo(demo: Locator): Promise<string> {
  type Watched = HTMLElement & { settled?: Promise<string> }
  await demo.evaluate((el: Watched) => {
    el.settled = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const state = el.dataset.state ?? ''
        if (state !== 'done' && state !== 'error') return
        observer.disconnect()
        resolve(state)
      })
      observer.observe(el, { attributes: true, attributeFilter: ['data-state'] })
    })
  })
  await demo.getByRole('button', { name: /^Run/ }).click()
  return demo.evaluate((el: Watched) => el.settled!)
}
