// The production server: `node .next/standalone/server.js` (PORT, HOSTNAME, KEEP_ALIVE_TIMEOUT).
// scripts/standalone.mjs bundles this file there in place of the server.js Next writes. It is Next's
// own server (the custom-server API, with the config the build saved) with one change: it answers
// `GET /api/delay` itself. Through Next's routing (request adapters, web streams, tracing) an answer
// with no wait took over a millisecond of CPU: 500–600 a second, and a class pressing Run queued
// behind it. Answered here: 4,000–12,000 a second on the same 2 cores (`npm run load`).
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import next from 'next'
import { delayEndpoint } from '../app/api/delay/answer'
import { idleCollector } from './idle-collect'

const dir = __dirname
// Set before Next loads, as Next's own standalone server.js does (the type says read-only).
Object.assign(process.env, { NODE_ENV: 'production' })
process.chdir(dir)

const readBuild = (file: string) => JSON.parse(readFileSync(path.join(dir, '.next', file), 'utf8'))
// What `next build` resolved from next.config.mjs; Next's own standalone server.js hands it over the same way.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(readBuild('required-server-files.json').config)

const delayPath = '/api/delay'
type HeaderRule = { regex: string; headers: { key: string; value: string }[]; has?: unknown; missing?: unknown }
/** The headers next.config.mjs gives every response on this path (COOP, COEP, CSP…), as the build compiled them. */
const siteHeaders: Record<string, string> = Object.fromEntries(
  (readBuild('routes-manifest.json').headers as HeaderRule[])
    .filter((rule) => !rule.has && !rule.missing && new RegExp(rule.regex).test(delayPath))
    .flatMap((rule) => rule.headers.map(({ key, value }) => [key, value])),
)
const delay = delayEndpoint()

function answerDelay(req: IncomingMessage, res: ServerResponse, query: string) {
  const client = new AbortController()
  // The client went away before its answer: stop waiting for it (and free its place under the cap).
  res.on('close', () => res.writableFinished || client.abort())
  delay.answer(new URLSearchParams(query), client.signal).then(
    ({ status, headers, body }) => {
      if (res.destroyed) return
      const json = JSON.stringify(body)
      res.writeHead(status, { ...siteHeaders, ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) })
      res.end(req.method === 'HEAD' ? undefined : json)
    },
    (error: unknown) => {
      console.error(error)
      res.destroy()
    },
  )
}

async function main() {
  const port = Number.parseInt(process.env.PORT ?? '', 10) || 3000
  // Docker, and some shells, export HOSTNAME as the machine's name: that is not a choice of interface.
  const chosen = process.env.HOSTNAME
  const hostname = chosen && chosen !== os.hostname() ? chosen : '0.0.0.0'
  const idle = idleCollector({ busy: () => delay.holding > 0 })
  const server = createServer((req, res) => {
    idle.request()
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    if ((req.method === 'GET' || req.method === 'HEAD') && (q < 0 ? url : url.slice(0, q)) === delayPath) {
      return answerDelay(req, res, q < 0 ? '' : url.slice(q + 1))
    }
    handle(req, res)
  })
  const keepAlive = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? '', 10)
  if (keepAlive >= 0) server.keepAliveTimeout = keepAlive

  const app = next({ dev: false, dir, hostname, port, httpServer: server })
  await app.prepare()
  const handle = app.getRequestHandler()
  // A room pressing Run at once opens thousands of connections in a moment. Node's default queue of
  // 511 unaccepted connections overflowed at 10,000 (each refused one waits 1–7 s to retry); the
  // kernel caps this at net.core.somaxconn (4,096 on recent Linux).
  await new Promise<void>((resolve) => server.listen({ port, host: hostname, backlog: 4096 }, resolve))
  setInterval(() => idle.check().catch((error: unknown) => console.error(error)), 1_000).unref()
  console.log(`Concurrency Lab on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port} (/api/delay holds ${delay.cap} waits at once)`)

  // docker stop, Ctrl-C: take no new connections, let answers being written finish, then go.
  const stop = () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 3_000).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
