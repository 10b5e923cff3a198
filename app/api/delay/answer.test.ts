import { afterEach, describe, expect, it, vi } from 'vitest'
import { delayEndpoint, maxWaits, waitsCap } from './answer'

const query = (search: string) => new URLSearchParams(search)
const open = () => new AbortController().signal

afterEach(() => vi.useRealTimers())

describe('the /api/delay endpoint', () => {
  it('waits, then answers with what it waited and the id', async () => {
    vi.useFakeTimers()
    const endpoint = delayEndpoint(10)
    const answer = endpoint.answer(query('ms=300&id=a-1'), open())
    expect(endpoint.holding).toBe(1)
    await vi.advanceTimersByTimeAsync(300)
    const { status, headers, body } = await answer
    expect(status).toBe(200)
    expect(body).toMatchObject({ ms: 300, id: 'a-1', waited: 300 })
    expect(headers).toMatchObject({ 'Cache-Control': 'no-store, no-transform', 'Server-Timing': 'wait;dur=300.0' })
    expect(endpoint.holding).toBe(0)
  })

  it('refuses a bad query with 400 and holds nothing', async () => {
    const endpoint = delayEndpoint(10)
    expect(await endpoint.answer(query('ms=abc'), open())).toMatchObject({ status: 400, body: { error: 'ms must be a whole number from 0 to 10000.' } })
    expect(endpoint.holding).toBe(0)
  })

  it('answers 503 with Retry-After at once past its cap, and takes requests again once a wait ends', async () => {
    vi.useFakeTimers()
    const endpoint = delayEndpoint(2)
    const held = [endpoint.answer(query('ms=1000'), open()), endpoint.answer(query('ms=2000'), open())]
    expect(endpoint.holding).toBe(2)
    const refused = await endpoint.answer(query('ms=5'), open())
    expect(refused).toEqual({
      status: 503,
      headers: { 'Cache-Control': 'no-store, no-transform', 'Retry-After': '1' },
      body: { error: 'The server is busy: it holds 2 waits at once. Try again in 1 s.', retryAfter: 1 },
    })
    await vi.advanceTimersByTimeAsync(1000)
    expect((await held[0]!).status).toBe(200)
    expect(endpoint.holding).toBe(1)
    const next = endpoint.answer(query('ms=5'), open())
    await vi.advanceTimersByTimeAsync(1000)
    expect((await next).status).toBe(200)
    expect((await held[1]!).status).toBe(200)
    expect(endpoint.holding).toBe(0)
  })

  it('gives up a wait, and its place, when the client goes away', async () => {
    const endpoint = delayEndpoint(1)
    const client = new AbortController()
    const answer = endpoint.answer(query('ms=10000'), client.signal)
    expect((await endpoint.answer(query('ms=0'), open())).status).toBe(503)
    client.abort()
    expect((await answer).body).toMatchObject({ ms: 10000, waited: expect.any(Number) })
    expect(endpoint.holding).toBe(0)
    expect((await endpoint.answer(query('ms=0'), open())).status).toBe(200)
  })

  it('fails on purpose with the status asked for', async () => {
    const { status, body } = await delayEndpoint(1).answer(query('ms=0&status=503'), open())
    expect(status).toBe(503)
    expect(body).toMatchObject({ status: 503, error: 'The server was asked to fail with 503.' })
  })
})

describe('the cap', () => {
  it('is maxWaits unless DELAY_MAX_WAITS gives a whole number above 0', () => {
    expect(waitsCap(undefined)).toBe(maxWaits)
    expect(waitsCap('3')).toBe(3)
    for (const bad of ['', '0', '-2', '1.5', 'many']) expect(waitsCap(bad)).toBe(maxWaits)
  })
})
