// `npm run bench`: a cold production build (timed), first-load JS per route, every
// bench/*.bench.ts in headless Chromium against the standalone server, then Lighthouse on every page. Prints
// one table, with each budget met or missed and the misses listed again below it; saves JSON.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const root = path.resolve(import.meta.dirname, '..')
const out = path.join(root, 'bench-results')
const results = path.join(out, 'results.jsonl')
const rows = []

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

// 1. Cold build time (with the copy of Pyodide's files into public/, as `npm run build` does).
rmSync(path.join(root, '.next'), { recursive: true, force: true })
const started = performance.now()
execFileSync(process.execPath, [path.join(root, 'scripts/copy-pyodide.mjs')], { cwd: root, stdio: 'inherit' })
execFileSync(path.join(root, 'node_modules/.bin/next'), ['build'], { cwd: root, stdio: 'inherit' })
rows.push({ name: 'next build, cold', value: (performance.now() - started) / 1000, unit: 's' })
// The standalone server the benchmarks run (as `npm run build` ends): not part of the timed build.
execFileSync(process.execPath, [path.join(root, 'scripts/standalone.mjs')], { cwd: root, stdio: 'inherit' })

// 2. First-load JS per route: every script a prerendered page references, gzipped.
// (`next build` does not print it.) Worker chunks load on demand and are not counted.
const appDir = path.join(root, '.next/server/app')
const pages = readdirSync(appDir, { recursive: true }).filter((file) => file.endsWith('.html') && !file.startsWith('_'))
for (const file of pages.sort()) {
  const html = readFileSync(path.join(appDir, file), 'utf8')
  // Script tags, preload links, and the chunks the inline RSC payload names for its client
  // components: every script the page loads before it is interactive. noModule scripts are
  // legacy polyfills that modern browsers never download.
  const legacy = new Set([...html.matchAll(/<script[^>]*\bnoModule\b[^>]*>/gi)].map((m) => /src="\/_next\/([^"?]+)/.exec(m[0])?.[1]))
  const named = [...html.matchAll(/\/_next\/(static\/[\w/.-]+?\.js)/g)].map((m) => m[1])
  const scripts = [...new Set(named)].filter((src) => !legacy.has(src))
  const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(path.join(root, '.next', src))).length, 0)
  const route = `/${file.replace(/\.html$/, '').replace(/^index$/, '')}`
  rows.push({ name: `first-load JS ${route} (${scripts.length} chunks)`, value: bytes / 1024, unit: 'KiB gzip' })
}

// 3. Browser benchmarks. `npm run bench -- bench/pages.bench.ts …` runs only those (and Lighthouse only if `lighthouse` is named).
const only = process.argv.slice(2)
const benchFiles = only.filter((arg) => arg !== 'lighthouse')
const bench = spawnSync(path.join(root, 'node_modules/.bin/playwright'), ['test', '-c', 'bench/playwright.config.ts', ...benchFiles], {
  cwd: root,
  stdio: 'inherit',
})

// 4. Lighthouse on the home page and every lesson (bench/lighthouse.mts; it starts its own server).
const lighthouse =
  only.length && !only.includes('lighthouse')
    ? { status: 0 }
    : spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'bench/lighthouse.mts')], { cwd: root, stdio: 'inherit' })
if (existsSync(results)) {
  rows.push(...readFileSync(results, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)))
}

/** ✓ or ✗ for a row with a budget, blank for one without. */
const verdict = ({ value, budget }) => (!budget ? '' : (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min) ? '✓' : '✗')
const format = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(2))
const width = Math.max(...rows.map((row) => row.name.length))
const unitWidth = Math.max(4, ...rows.map((row) => row.unit.length))
console.log(`\n${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  ${'unit'.padEnd(unitWidth)}  met  target`)
for (const row of rows) {
  console.log(`${row.name.padEnd(width)}  ${format(row.value).padStart(10)}  ${row.unit.padEnd(unitWidth)}  ${verdict(row).padEnd(3)}  ${row.target ?? ''}`)
}
const budgeted = rows.filter((row) => row.budget)
const missed = budgeted.filter((row) => verdict(row) === '✗')
console.log(`\nBudgets: ${budgeted.length - missed.length} of ${budgeted.length} met.`)
for (const row of missed) console.log(`  missed: ${row.name}: ${format(row.value)} ${row.unit}, target ${row.target}`)
writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`)
process.exit((bench.status ?? 1) || (lighthouse.status ?? 1))
