// Lighthouse (desktop preset) on the home page and every lesson, against the production server, in
// the system Chromium. Records per page: performance, total blocking time, accessibility and best
// practices, each beside home's and with its budget. LIGHTHOUSE_RUNS rounds (3 by default). Run by `npm run bench` after the browser
// benchmarks; alone: `npx tsx bench/lighthouse.mts [http://127.0.0.1:PORT]` (without a URL it starts
// the standalone server on BENCH_PORT + 1 itself, as `npm start` runs it; build first).
import { spawn } from 'node:child_process'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig } from 'lighthouse'
import { writtenSlugs } from '../content/written'
import { chromiumPath } from '../scripts/browser.mjs'
import { record } from './record'

const root = path.resolve(import.meta.dirname, '..')
const categories = ['performance', 'accessibility', 'best-practices'] as const

type Scores = { performance: number; tbt: number; accessibility: number; bestPractices: number; failing: string[] }

async function serve(): Promise<{ base: string; stop: () => void }> {
  const given = process.argv[2]
  if (given) return { base: given.replace(/\/$/, ''), stop: () => {} }
  const port = Number(process.env.BENCH_PORT ?? 3200) + 1
  const base = `http://127.0.0.1:${port}`
  const server = spawn(process.execPath, ['.next/standalone/server.js'], { cwd: root, stdio: 'ignore', env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1' } })
  for (let i = 0; i < 120; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) return { base, stop: () => server.kill() }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  server.kill()
  throw new Error(`The server did not answer on ${base} within 60 s`)
}

/** One Lighthouse run; the audits that cost accessibility or best-practices points are named. */
async function audit(url: string, port: number): Promise<Scores> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] }, desktopConfig)
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const { lhr } = result
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  const score = (id: (typeof categories)[number]) => Math.round(100 * (lhr.categories[id]?.score ?? 0))
  const failing = (['accessibility', 'best-practices'] as const).flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${id}: ${ref.id}`),
  )
  return {
    performance: score('performance'),
    tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    failing,
  }
}

/** Lighthouse now and then fails to record a page load (NO_NAVSTART); such a run is tried again. */
async function auditWithRetries(url: string, port: number, tries = 3): Promise<Scores> {
  for (let i = 1; ; i++) {
    try {
      return await audit(url, port)
    } catch (error) {
      if (i === tries) throw error
      console.log(`lighthouse ${url}: ${error instanceof Error ? error.message : error}; trying again`)
    }
  }
}

/** The median run of a page, by total blocking time (performance follows it closely). */
function medianRun(runs: Scores[]): Scores {
  const sorted = [...runs].sort((a, b) => a.tbt - b.tbt)
  const middle = sorted[Math.floor(sorted.length / 2)]!
  return { ...middle, accessibility: Math.min(...runs.map((r) => r.accessibility)), bestPractices: Math.min(...runs.map((r) => r.bestPractices)), failing: [...new Set(runs.flatMap((r) => r.failing))] }
}

// Rounds over every page (home included), so a busy moment on the machine hurts home and lessons alike.
const rounds = Number(process.env.LIGHTHOUSE_RUNS ?? 3)
const { base, stop } = await serve()
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] })
try {
  const pages = ['/', ...writtenSlugs(root).map((slug) => `/learn/${slug}`)]
  // One unmeasured visit: the server's first answers for a route are slower than the rest.
  for (const page of pages) await fetch(base + page).then((r) => r.text())
  const runs = new Map<string, Scores[]>(pages.map((page) => [page, []]))
  for (let round = 1; round <= rounds; round++) {
    for (const page of pages) {
      const s = await auditWithRetries(base + page, chrome.port)
      runs.get(page)!.push(s)
      console.log(`lighthouse ${round}/${rounds} ${page}: performance ${s.performance}, TBT ${Math.round(s.tbt)} ms, accessibility ${s.accessibility}, best practices ${s.bestPractices}${s.failing.length ? ` (failing: ${s.failing.join(', ')})` : ''}`)
    }
  }
  const scores = new Map([...runs].map(([page, r]) => [page, medianRun(r)]))
  const home = scores.get('/')!
  const of = rounds > 1 ? `, median of ${rounds}` : ''
  for (const [page, s] of scores) {
    const isHome = page === '/'
    record({ name: `lighthouse ${page}: total blocking time${isHome ? '' : ` (home ${Math.round(home.tbt)} ms)`}${of}`, value: s.tbt, unit: 'ms', target: isHome ? 'the baseline' : `≤ 1.2× home = ${Math.round(1.2 * home.tbt)}`, budget: isHome ? undefined : { max: 1.2 * home.tbt } })
    record({ name: `lighthouse ${page}: performance${isHome ? '' : ` (home ${home.performance})`}${of}`, value: s.performance, unit: 'score', target: isHome ? 'the baseline' : `within 5 of home: ≥ ${home.performance - 5}`, budget: isHome ? undefined : { min: home.performance - 5 } })
    record({ name: `lighthouse ${page}: accessibility${rounds > 1 ? ', lowest' : ''}`, value: s.accessibility, unit: 'score', target: '100', budget: { min: 100 } })
    record({ name: `lighthouse ${page}: best practices${rounds > 1 ? ', lowest' : ''}${s.failing.length ? ` (failing: ${s.failing.join(', ')})` : ''}`, value: s.bestPractices, unit: 'score', target: '100', budget: { min: 100 } })
  }
} finally {
  chrome.kill()
  stop()
}
