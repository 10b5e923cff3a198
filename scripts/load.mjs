// `npm run load`: what a class does to the production server. Starts .next/standalone/server.js on a
// free loopback port (build first), or uses a running one: LOAD_URL=http://127.0.0.1:PORT (loopback
// only), with LOAD_PID=its process id for its memory. Each scenario is bounded in time; prints
// requests/s, latency p50/p99, answers and errors, and the server's RSS before, at peak and after.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import autocannon from 'autocannon'

const root = path.resolve(import.meta.dirname, '..')
const seconds = Number(process.env.LOAD_SECONDS ?? 5)
/** Seconds of quiet after a scenario before its memory is read again. */
const settle = 10
/**
 * "Back near the baseline": RSS `settle` s after a scenario within this many MB of RSS before it, or
 * within `nearShare` of it when that is more. An idle server collects a burst's garbage within a few
 * seconds (server/idle-collect.ts); what is left is memory the allocator keeps for the next burst.
 */
const nearMB = 25
const nearShare = 0.2
const near = (before, after) => after - before <= Math.max(nearMB, nearShare * before)
const most = 10_000
/** How many bursts of 10,000 in a row: memory that grows from one to the next is a leak. */
const bursts = Number(process.env.LOAD_BURSTS ?? 3)

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/** The server's resident memory in MB (Linux /proc), or null when unknown. */
function rss(pid) {
  if (!pid) return null
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : null
  } catch {
    return null
  }
}

async function startServer() {
  const entry = path.join(root, '.next/standalone/server.js')
  if (!existsSync(entry)) throw new Error('No .next/standalone/server.js: run `npm run build` first.')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // As `npm start` and the Docker image run it: with glibc's mmap threshold fixed (the README's Deploy section says why).
  const env = { MALLOC_MMAP_THRESHOLD_: '131072', ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1' }
  const server = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`)
    if (await fetch(url).then((r) => r.ok, () => false)) return { url, pid: server.pid, stop: () => server.kill('SIGTERM') }
    await new Promise((r) => setTimeout(r, 200))
  }
  server.kill('SIGTERM')
  throw new Error(`the server did not answer on ${url} within 60 s`)
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * One scenario, bounded in time, with the server's memory sampled every 100 ms around it. A burst
 * (`burst: true`) is a class pressing Run at the same moment: every connection sends one request at
 * once; otherwise each connection sends request after request for LOAD_SECONDS.
 */
async function scenario({ name, url, connections, headers, requests, burst = false }, pid) {
  const before = rss(pid)
  let peak = before ?? 0
  const sampler = setInterval(() => (peak = Math.max(peak, rss(pid) ?? 0)), 100)
  const run = autocannon({ url, connections, headers, timeout: 10, requests, ...(burst ? { amount: connections } : { duration: seconds }) })
  // A guard beyond autocannon's own: however the server behaves, the scenario ends.
  const guard = setTimeout(() => run.stop(), (burst ? 40 : seconds + 20) * 1000)
  const result = await run
  clearTimeout(guard)
  // Idle again: what the load left behind, once the server has had a moment to collect its garbage.
  await sleep(settle * 1000)
  clearInterval(sampler)
  const after = rss(pid)
  const answered = result['2xx'] + result.non2xx
  return {
    name,
    connections: burst ? `${connections.toLocaleString('en')} at once` : connections.toLocaleString('en'),
    seconds: result.duration,
    answered,
    perSecond: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    statuses: Object.keys(result.statusCodeStats ?? {}).join(' '),
    errors: result.errors,
    timeouts: result.timeouts,
    before,
    peak: before === null ? null : peak,
    after,
    near: before === null || after === null ? null : near(before, after),
  }
}

function table(rows) {
  const mb = (v) => (v === null ? '–' : v.toFixed(0))
  const columns = [
    ['scenario', (r) => r.name],
    ['connections', (r) => r.connections],
    ['s', (r) => r.seconds.toFixed(1)],
    ['answered', (r) => r.answered.toLocaleString('en')],
    ['req/s', (r) => r.perSecond.toFixed(0)],
    ['p50 ms', (r) => String(r.p50)],
    ['p99 ms', (r) => String(r.p99)],
    ['2xx', (r) => String(r.ok)],
    ['non-2xx', (r) => String(r.non2xx)],
    ['statuses', (r) => r.statuses],
    ['errors', (r) => String(r.errors)],
    ['timeouts', (r) => String(r.timeouts)],
    ['RSS MB before', (r) => mb(r.before)],
    ['peak', (r) => mb(r.peak)],
    ['after', (r) => mb(r.after)],
    ['back near', (r) => (r.near === null ? '–' : r.near ? 'yes' : 'NO')],
  ]
  const cells = rows.map((row) => columns.map(([, get]) => get(row)))
  const widths = columns.map(([title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)))
  const line = (values) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ')
  console.log(`\n${line(columns.map(([title]) => title))}`)
  for (const c of cells) console.log(line(c))
}

async function main() {
  let server
  if (process.env.LOAD_URL) {
    const { hostname } = new URL(process.env.LOAD_URL)
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) throw new Error(`LOAD_URL must be on loopback, not ${hostname}: this is a load test.`)
    server = { url: process.env.LOAD_URL.replace(/\/$/, ''), pid: Number(process.env.LOAD_PID) || null, stop() {} }
  } else {
    server = await startServer()
  }
  const stopServer = () => server.stop()
  process.once('SIGINT', () => {
    stopServer()
    process.exit(130)
  })
  try {
    const base = server.url
    // The sample exchange's pages, as the scraper walks them: the index, then every quote it links to.
    const index = await (await fetch(`${base}/sample/companies`)).text()
    const quotes = [...new Set([...index.matchAll(/href="(\/sample\/quote\/[A-Z]+)[?"]/g)].map((m) => m[1]))]
    const connectionsNote = Number(limit('-n')) < most + 500 ? ` (open-file limit ${limit('-n')}: fewer sockets may connect)` : ''
    console.log(`load on ${base}, ${seconds} s a scenario, client and server on this machine's ${(await import('node:os')).cpus().length} cores${connectionsNote}`)
    // Pages as a browser asks for them, compressed: the server gzips each one as it sends it.
    const headers = { 'accept-encoding': 'gzip, deflate, br' }
    const scenarios = [
      { name: 'lesson page /learn/asyncio', url: `${base}/learn/asyncio`, connections: 50, headers },
      {
        name: `sample exchange: index + ${quotes.length} quotes`,
        url: base,
        connections: 50,
        headers,
        requests: [{ path: '/sample/companies' }, ...quotes.map((quote) => ({ path: quote }))],
      },
      { name: '/api/delay?ms=0', url: `${base}/api/delay?ms=0`, connections: 50 },
      // 200 students × a gather of 50 is 10,000; over HTTP/1.1 browsers send at most 6 at a time each.
      { name: '/api/delay?ms=300', url: `${base}/api/delay?ms=300`, connections: 1_000, burst: true },
      ...Array.from({ length: bursts }, (_, i) => ({ name: `/api/delay?ms=300 #${i + 1}`, url: `${base}/api/delay?ms=300`, connections: most, burst: true })),
    ]
    // The baseline is a server that has answered each kind of request once: the first lesson page loads
    // Next's page code and caches the page for good, which is not memory a burst should give back.
    for (const path of ['/learn/asyncio', '/sample/companies', ...quotes.slice(0, 1), '/api/delay?ms=0']) await (await fetch(`${base}${path}`, { headers })).arrayBuffer()
    await sleep(settle * 1000)
    const start = rss(server.pid)
    const rows = []
    for (const s of scenarios) {
      process.stdout.write(`${s.name}, ${s.connections} connections${s.burst ? ' at once' : ''}… `)
      const row = await scenario(s, server.pid)
      console.log(`${row.perSecond.toFixed(0)} req/s`)
      rows.push(row)
    }
    table(rows)
    console.log(
      `\ns: the run's length (a burst: until the last answer); req/s: answers of any status per second; RSS: the server process before, at peak, and ${settle} s after;` +
        ` back near: after within ${nearMB} MB (or ${nearShare * 100}%) of before.`,
    )
    const end = rss(server.pid)
    if (start !== null && end !== null) {
      console.log(`RSS at the start (each kind of request answered once) ${start.toFixed(0)} MB, at the end ${end.toFixed(0)} MB: ${near(start, end) ? 'back near the baseline' : `NOT back near the baseline (more than ${nearMB} MB or ${nearShare * 100}% above)`}.`)
    }
  } finally {
    stopServer()
  }
  process.exit(0)
}

// 10,000 connections need 10,000 sockets in this process, and as many in the server. The soft
// limit on open files is often 1,024: raise it to the hard limit (no privilege needed), re-running
// this script under a shell that did so; the server, our child, inherits it.
const limit = (flag) => execFileSync('/bin/sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim()
if (!process.env.LOAD_RAISED && Number(limit('-n')) < most + 500) {
  const hard = limit('-Hn')
  const raised = spawn('/bin/sh', ['-c', `ulimit -n ${hard === 'unlimited' ? 65536 : Math.min(Number(hard), 65536)} && exec "$0" "$@"`, process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, LOAD_RAISED: '1' },
  })
  raised.on('exit', (code) => process.exit(code ?? 1))
} else {
  await main()
}
