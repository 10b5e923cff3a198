import { version as pyodideVersion } from 'pyodide/package.json'
import { expect, test } from './fixtures'

test.describe('GET /api/delay', () => {
  test('waits the time asked, then answers JSON with the site’s headers', async ({ request }) => {
    const started = Date.now()
    const response = await request.get('/api/delay?ms=300&id=check-1', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    expect(response.status()).toBe(200)
    expect(await response.json()).toMatchObject({ ms: 300, id: 'check-1', waited: expect.any(Number) })
    expect(response.headers()).toMatchObject({
      'content-type': expect.stringContaining('application/json'),
      // no-transform: a 30-byte answer is not worth a gzip stream, which slowed five answered at once.
      'cache-control': 'no-store, no-transform',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
    })
    expect(response.headers()['content-encoding']).toBeUndefined()
    // The server's own measure of its wait, for the browser's Resource Timing.
    const wait = /^wait;dur=(\d+(?:\.\d+)?)$/.exec(response.headers()['server-timing'] ?? '')
    expect(Number(wait?.[1])).toBeGreaterThanOrEqual(299)
  })

  test('five requests at once all wait the time asked, each answering for itself', async ({ request }) => {
    const started = Date.now()
    const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => request.get(`/api/delay?ms=300&id=five-${i}`)))
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    for (const [i, response] of answers.entries()) {
      expect(response.status()).toBe(200)
      const body = (await response.json()) as { id: string; waited: number }
      expect(body.id).toBe(`five-${i + 1}`)
      expect(body.waited).toBeGreaterThanOrEqual(299)
    }
  })

  test('fails on purpose with the status asked for', async ({ request }) => {
    const response = await request.get('/api/delay?ms=0&status=503')
    expect(response.status()).toBe(503)
    expect(await response.json()).toMatchObject({ status: 503, error: 'The server was asked to fail with 503.' })
  })

  const bad: [string, RegExp][] = [
    ['', /ms is required/],
    ['ms=abc', /whole number/],
    ['ms=-5', /whole number/],
    ['ms=2.5', /whole number/],
    ['ms=10001', /from 0 to 10000/],
    ['ms=1e9', /whole number/],
    ['ms=1&ms=2', /more than once/],
    ['ms=1&status=302', /error status/],
    ['ms=1&status=abc', /whole number/],
    ['ms=1&id=%3Cscript%3E', /id must be/],
    ['ms=1&delay=5', /Unknown parameter: delay/],
  ]
  for (const [query, message] of bad) {
    test(`answers 400 with a message for ?${query}`, async ({ request }) => {
      const response = await request.get(`/api/delay?${query}`)
      expect(response.status()).toBe(400)
      expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp')
      const body = (await response.json()) as { error: string }
      expect(body.error).toMatch(message)
    })
  }
})

test.describe('Pyodide’s files', () => {
  const base = `/pyodide/${pyodideVersion}`

  test('are served by the site under their version, kept for good, with the isolation headers', async ({ request }) => {
    const isolated = {
      'cache-control': 'public, max-age=31536000, immutable',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    }
    for (const [file, type] of [
      ['pyodide.asm.wasm', /^application\/wasm$/],
      ['pyodide.mjs', /javascript/],
      ['pyodide.asm.mjs', /javascript/],
      ['python_stdlib.zip', /zip/],
      ['pyodide-lock.json', /json/],
      ['snapshot.bin.gz', /gzip|octet-stream/],
      ['manifest.json', /json/],
    ] as const) {
      const response = await request.head(`${base}/${file}`)
      expect(response.status(), file).toBe(200)
      expect(response.headers(), file).toMatchObject(isolated)
      expect(response.headers()['content-type'], file).toMatch(type)
    }
  })

  test('list the memory snapshot the worker starts Python from', async ({ request }) => {
    const manifest = (await (await request.get(`${base}/manifest.json`)).json()) as { version: string; snapshot: { download: number; memory: number } | null }
    expect(manifest.version).toBe(pyodideVersion)
    expect(manifest.snapshot).not.toBeNull()
    const snapshot = await request.get(`${base}/snapshot.bin.gz`)
    expect((await snapshot.body()).length).toBe(manifest.snapshot!.download)
  })
})
