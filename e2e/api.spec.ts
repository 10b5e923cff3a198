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

test('Pyodide’s files are served by the site, with the isolation headers and the wasm MIME type', async ({ request }) => {
  const wasm = await request.head('/pyodide/pyodide.asm.wasm')
  expect(wasm.status()).toBe(200)
  expect(wasm.headers()).toMatchObject({
    'content-type': 'application/wasm',
    'cross-origin-embedder-policy': 'require-corp',
    'cross-origin-resource-policy': 'same-origin',
  })
  const script = await request.head('/pyodide/pyodide.mjs')
  expect(script.headers()['content-type']).toMatch(/javascript/)
  expect((await request.head('/pyodide/python_stdlib.zip')).status()).toBe(200)
})
