import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { version as pyodideVersion } from 'pyodide/package.json'
import type { LessonSlug } from '../content/course'
import { baseURL } from '../playwright.config'
import { demo, expect, test } from './fixtures'

// The whole e2e run is served by .next/standalone/server.js (playwright.config.ts), the file the
// Docker image runs. This spec checks what that server must do by itself.

const isolation = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
}
const immutable = 'public, max-age=31536000, immutable'

test('serves pages, the API, hashed chunks and Pyodide with the site’s headers', async ({ request }) => {
  for (const path of ['/', '/learn/asyncio', '/sample/companies']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers(), path).toMatchObject(isolation)
    expect(response.headers()['content-security-policy'], path).toContain("default-src 'self'")
  }

  const api = await request.get('/api/delay?ms=0&id=standalone')
  expect(api.status()).toBe(200)
  expect(await api.json()).toMatchObject({ ms: 0, id: 'standalone' })
  expect(api.headers()).toMatchObject({ ...isolation, 'cache-control': 'no-store, no-transform', 'content-type': 'application/json' })
  expect(api.headers()['content-security-policy']).toContain("default-src 'self'")

  const home = await (await request.get('/')).text()
  const chunk = /\/_next\/static\/chunks\/[\w.-]+\.js/.exec(home)?.[0]
  expect(chunk, 'a script chunk named in the home page').toBeDefined()
  const script = await request.get(chunk!)
  expect(script.status()).toBe(200)
  expect(script.headers()).toMatchObject({ ...isolation, 'cache-control': immutable })
  expect(script.headers()['content-type']).toMatch(/javascript/)

  const wasm = await request.head(`/pyodide/${pyodideVersion}/pyodide.asm.wasm`)
  expect(wasm.status()).toBe(200)
  expect(wasm.headers()).toMatchObject({ ...isolation, 'cache-control': immutable, 'content-type': 'application/wasm' })
})

/** The Dockerfile's stages, each with its instructions (continued lines joined, comments dropped). */
function dockerStages(text: string) {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
  const stages: { name: string; workdir: string; steps: { op: string; args: string }[] }[] = []
  for (const line of lines) {
    const { op, args } = /^(?<op>\w+)\s+(?<args>.*)$/.exec(line)?.groups ?? {}
    if (!op || args === undefined) continue
    if (op === 'FROM') stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length), workdir: '/', steps: [] })
    else if (op === 'WORKDIR') stages.at(-1)!.workdir = path.posix.resolve(stages.at(-1)!.workdir, args)
    else stages.at(-1)?.steps.push({ op, args })
  }
  return stages
}

// No Docker engine runs these tests: this checks that the image's runner starts the folder this run serves.
test('the Docker image runs this server: the runner copies .next/standalone and starts its server.js', async ({ request }) => {
  const stages = dockerStages(readFileSync('Dockerfile', 'utf8'))
  const runner = stages.at(-1)!
  const copy = runner.steps.find((step) => step.op === 'COPY' && step.args.includes('--from='))
  const { from, source, target } = /--from=(?<from>\S+).*?\s(?<source>\S+)\s+(?<target>\S+)$/.exec(copy?.args ?? '')?.groups ?? {}
  const build = stages.find((stage) => stage.name === from)
  expect(build?.steps, 'the stage the runner copies from builds as npm run build does').toContainEqual({ op: 'RUN', args: 'npm run build' })
  const folder = path.posix.relative(build!.workdir, source ?? '')
  expect(folder).toBe('.next/standalone')
  expect(path.posix.resolve(runner.workdir, target ?? '')).toBe(runner.workdir)

  const [node, entry = ''] = JSON.parse(runner.steps.find((step) => step.op === 'CMD')!.args) as string[]
  expect([node, entry]).toEqual(['node', 'server.js'])
  expect(existsSync(path.join(folder, entry)), `${folder}/${entry}`).toBe(true)
  // What the image would serve from that folder alone: hashed chunks and Pyodide.
  expect(existsSync(path.join(folder, 'public/pyodide', pyodideVersion, 'pyodide.asm.wasm'))).toBe(true)
  expect(existsSync(path.join(folder, '.next/static'))).toBe(true)

  const check = runner.steps.find((step) => step.op === 'HEALTHCHECK')?.args ?? ''
  const probed = /\$\{process\.env\.PORT\}(\/[^`]*)`/.exec(check)?.[1]
  expect(probed, 'the path HEALTHCHECK fetches').toBeDefined()
  expect((await request.get(probed!)).status()).toBe(200)
})

test('holds a class: 1,000 slow requests at once all answer 200', async () => {
  // Node's fetch opens a connection per request here: no browser limit of six.
  const answers = await Promise.all(
    Array.from({ length: 1000 }, (_, i) =>
      fetch(`${baseURL}/api/delay?ms=300&id=class-${i}`).then(
        async (response) => ({ status: response.status, id: ((await response.json()) as { id?: string }).id }),
        (error: unknown) => ({ status: 0, id: String(error) }),
      ),
    ),
  )
  expect(answers.filter((a) => a.status !== 200)).toEqual([])
  expect(new Set(answers.map((a) => a.id)).size).toBe(1000)
})

/** One demo of each lesson, as a preset link that runs it on arrival. */
const oneDemoPerLesson: Record<LessonSlug, { demo: string; preset: Record<string, string> }> = {
  'concurrency-in-python': { demo: 'cores', preset: { workers: '2', seconds: '0.5' } },
  multiprocessing: { demo: 'pool-map', preset: { multiplier: '2', n: '10' } },
  'processes-pipes-queues': { demo: 'process', preset: { seconds: '0.5', ending: 'exit' } },
  threading: { demo: 'threads', preset: { threads: '3', seconds: '0.5' } },
  'thread-safety': { demo: 'counter', preset: { mode: 'lock', workers: '2', increments: '100000' } },
  'processes-vs-threads': { demo: 'memory', preset: { mb: '8' } },
  asyncio: { demo: 'python', preset: {} },
  'asyncio-io-and-aiohttp': { demo: 'async-fetch', preset: { mode: 'gather', requests: '3', delay: '200' } },
  yaml: { demo: 'yaml', preset: { source: 'name: list\n---\nname: sink\n' } },
  'web-scraper': { demo: 'scraper', preset: {} },
}

test.describe('one demo per lesson', () => {
  // The scraper's sample site answers some requests 503 on purpose; the browser logs each one.
  test.use({ allowedConsoleErrors: [/status of 503 \(Service Unavailable\)/] })

  for (const [slug, { demo: id, preset }] of Object.entries(oneDemoPerLesson)) {
    test(`${slug}: isolated, and ${id} runs from its preset link`, async ({ page }) => {
      test.slow() // Pyodide and the scraper take their time on a busy machine
      await page.goto(`/learn/${slug}?${new URLSearchParams({ demo: id, ...preset, run: '1' })}`)
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
      const root = demo(page, id)
      await expect(root).toHaveAttribute('data-state', 'done', { timeout: 90_000 })
      expect(JSON.parse((await root.getAttribute('data-result')) ?? 'null')).not.toBeNull()
    })
  }
})

test.describe('a server holding all the waits it may', () => {
  // A second standalone server, the same file, told to hold two waits at once.
  const port = Number(new URL(baseURL).port) + 1
  const full = `http://127.0.0.1:${port}`
  let server: ChildProcess
  test.use({ allowedConsoleErrors: [/status of 503 \(Service Unavailable\)/] })

  test.beforeAll(async () => {
    server = spawn(process.execPath, ['.next/standalone/server.js'], {
      env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', DELAY_MAX_WAITS: '2' },
      stdio: 'ignore',
    })
    await expect.poll(() => fetch(`${full}/api/delay?ms=0`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(200)
  })
  test.afterAll(() => {
    server.kill('SIGTERM')
  })

  test('answers 503 at once, with Retry-After and a JSON error, then takes requests again', async () => {
    const held = [1, 2].map((i) => fetch(`${full}/api/delay?ms=2000&id=held-${i}`))
    await expect.poll(() => fetch(`${full}/api/delay?ms=0`).then((r) => r.status)).toBe(503)
    const refused = await fetch(`${full}/api/delay?ms=0`)
    expect(refused.status).toBe(503)
    expect(Object.fromEntries(refused.headers)).toMatchObject({ ...isolation, 'retry-after': '1', 'content-type': 'application/json' })
    expect(await refused.json()).toEqual({ error: 'The server is busy: it holds 2 waits at once. Try again in 1 s.', retryAfter: 1 })
    for (const answer of await Promise.all(held)) expect(answer.status).toBe(200)
    expect((await fetch(`${full}/api/delay?ms=0`)).status).toBe(200)
  })

  test('the async demo shows each refused request as the server’s answer', async ({ page }) => {
    await page.goto(`${full}/learn/asyncio-io-and-aiohttp?demo=async-fetch&mode=gather&requests=5&delay=2000&run=1`)
    const fetchDemo = demo(page, 'async-fetch')
    await expect(fetchDemo).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
    expect(JSON.parse((await fetchDemo.getAttribute('data-result'))!)).toMatchObject({ mode: 'gather', ok: 2, failed: 3 })
    const failures = fetchDemo.getByRole('list', { name: 'Failed requests' }).getByRole('listitem')
    await expect(failures).toHaveCount(3)
    for (const item of await failures.all()) await expect(item).toHaveText(/^Request \d: HTTP 503: server busy, retry after 1 s$/)
    await expect(fetchDemo.getByRole('status')).toContainText('2 answered, 3 failed')
    await expect(fetchDemo.getByRole('alert')).toHaveCount(0)
  })
})
