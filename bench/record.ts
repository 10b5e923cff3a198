import { appendFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Locator } from '@playwright/test'
import { untilLive } from '../e2e/live'

export { median } from '../workers/stats'

export const resultsFile = path.join(process.cwd(), 'bench-results', 'results.jsonl')

export type BenchRow = {
  /** What was measured, e.g. "pool speedup, 2 workers vs 1". */
  name: string
  value: number
  unit: string
  /** What good looks like, e.g. "ideal 2.0" or "target ≥ 1.8". */
  target?: string
  /** A budget the value must keep; `npm run bench` marks each row met or missed and lists the misses. */
  budget?: { max?: number; min?: number }
}

/** Records one figure for `npm run bench` to print. Benchmarks report; they never assert timings. */
export function record(row: BenchRow) {
  mkdirSync(path.dirname(resultsFile), { recursive: true })
  appendFileSync(resultsFile, `${JSON.stringify(row)}\n`)
}

type Watched = HTMLElement & { settled?: Promise<string> }

/**
 * Starts watching the demo for its next `done` or `error` (or its present one, with `now`). The
 * page reports the change itself: a polling wait would run a script on the page's main thread every
 * few hundred ms, and there it would delay the messages workers are waiting for.
 */
async function watch(demo: Locator, now: boolean) {
  // The live demo's elements replace the server's when its code arrives (lazyDemo): watch those.
  await untilLive(demo, 60_000)
  return demo.evaluate((el: Watched, now) => {
    const ended = () => ['done', 'error'].includes(el.dataset.state ?? '')
    el.settled = new Promise((resolve) => {
      if (now && ended()) return resolve(el.dataset.state!)
      const observer = new MutationObserver(() => {
        if (!ended()) return
        observer.disconnect()
        resolve(el.dataset.state!)
      })
      observer.observe(el, { attributes: true, attributeFilter: ['data-state'] })
    })
  }, now)
}

/** Clicks the demo's Run and waits, without polling, for the run to end; returns `done` or `error`. */
export async function runDemo(demo: Locator): Promise<string> {
  await watch(demo, false)
  await demo.getByRole('button', { name: /^Run/ }).click()
  return demo.evaluate((el: Watched) => el.settled!)
}

/** Waits, without polling, for a demo started by a `run=1` link to end; returns `done` or `error`. */
export async function settled(demo: Locator): Promise<string> {
  await watch(demo, true)
  return demo.evaluate((el: Watched) => el.settled!)
}
