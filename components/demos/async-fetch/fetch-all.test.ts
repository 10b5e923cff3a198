import { describe, expect, it } from 'vitest'
import { fetchAll, fetchPage, HttpError, type Mode } from './fetch-all'

/** A server in memory: `?ms=N&status=S`, honouring abort; it counts requests in flight. */
function fakeServer() {
  let inFlight = 0
  const server = {
    most: 0,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://test')
      const ms = Number(url.searchParams.get('ms'))
      const status = Number(url.searchParams.get('status') ?? 200)
      server.most = Math.max(server.most, ++inFlight)
      return new Promise<Response>((resolve, reject) => {
        const timer = setTimeout(() => {
          inFlight--
          resolve(new Response(JSON.stringify({ ms }), { status }))
        }, ms)
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          inFlight--
          reject(init.signal!.reason)
        })
      })
    }) as typeof fetch,
  }
  return server
}

const urls = (n: number, ms: number, failing: number[] = []) =>
  Array.from({ length: n }, (_, i) => `/api/delay?ms=${ms}${failing.includes(i) ? '&status=503' : ''}`)

const run = (mode: Mode, list: string[], more: { limit?: number; timeout?: number | null; signal?: AbortSignal } = {}) => {
  const server = fakeServer()
  const result = fetchAll({ mode, urls: list, limit: more.limit ?? 2, timeout: more.timeout ?? null, signal: more.signal ?? new AbortController().signal, fetch: server.fetch })
  return { server, result }
}

describe('fetchAll', () => {
  it('sequential: one request at a time, about N × the delay', async () => {
    const { server, result } = run('sequential', urls(4, 40))
    const { ms, ok, failed, spans } = await result
    expect({ ok, failed, most: server.most }).toEqual({ ok: 4, failed: 0, most: 1 })
    expect(ms).toBeGreaterThanOrEqual(160)
    for (let i = 1; i < 4; i++) expect(spans[i]!.start!).toBeGreaterThanOrEqual(spans[i - 1]!.end!)
  })

  it('gather: all at once, about one delay', async () => {
    const { server, result } = run('gather', urls(8, 60))
    const { ms, ok } = await result
    expect(ok).toBe(8)
    expect(server.most).toBe(8)
    expect(ms).toBeLessThan(2 * 60 + 100)
  })

  it('bounded: never more than the limit in flight; the rest wait for a slot', async () => {
    const { server, result } = run('bounded', urls(6, 40), { limit: 2 })
    const { ms, ok, spans } = await result
    expect(ok).toBe(6)
    expect(server.most).toBe(2)
    expect(ms).toBeGreaterThanOrEqual(3 * 40)
    expect(spans[5]!.start! - spans[5]!.created!).toBeGreaterThanOrEqual(80)
  })

  it('records each failure and timeout without stopping the others', async () => {
    const list = [...urls(2, 20, [1]), '/api/delay?ms=500']
    const { result } = run('gather', list, { timeout: 100 })
    const { ok, failed, spans } = await result
    expect({ ok, failed }).toEqual({ ok: 1, failed: 2 })
    expect(spans.map((s) => [s.outcome, s.detail])).toEqual([
      ['ok', undefined],
      ['error', 'HTTP 503'],
      ['timeout', 'timed out after 100 ms'],
    ])
    expect(spans[2]!.end!).toBeLessThan(400)
  })

  it('Stop aborts every request and rejects the run', async () => {
    const controller = new AbortController()
    const { result } = run('bounded', urls(5, 1000), { limit: 2, signal: controller.signal })
    setTimeout(() => controller.abort(new DOMException('Stopped', 'AbortError')), 30)
    await expect(result).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('fetchPage', () => {
  it('returns the body as text, and raises on an error status', async () => {
    const server = fakeServer()
    await expect(fetchPage('/api/delay?ms=1', new AbortController().signal, server.fetch)).resolves.toBe('{"ms":1}')
    await expect(fetchPage('/api/delay?ms=1&status=500', new AbortController().signal, server.fetch)).rejects.toBeInstanceOf(HttpError)
  })

  it('says when a busy server asks to be tried again', async () => {
    const busy = (async () => new Response('{}', { status: 503, headers: { 'Retry-After': '1' } })) as typeof fetch
    const error = await fetchPage('/api/delay?ms=1', new AbortController().signal, busy).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 503, retryAfter: '1', message: 'HTTP 503: server busy, retry after 1 s' })
  })
})
