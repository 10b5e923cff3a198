import { describe, expect, it } from 'vitest'
import { parseDelayQuery } from './query'

const parse = (search: string) => parseDelayQuery(new URLSearchParams(search))

describe('GET /api/delay query', () => {
  it('accepts whole milliseconds from 0 to 10000, and an optional status', () => {
    expect(parse('ms=0')).toEqual({ ok: true, query: { ms: 0, status: 200 } })
    expect(parse('ms=10000')).toEqual({ ok: true, query: { ms: 10_000, status: 200 } })
    expect(parse('ms=250&status=503')).toEqual({ ok: true, query: { ms: 250, status: 503 } })
    expect(parse('status=404&ms=1')).toEqual({ ok: true, query: { ms: 1, status: 404 } })
    expect(parse('ms=1&id=run-3_17')).toEqual({ ok: true, query: { ms: 1, status: 200, id: 'run-3_17' } })
  })

  it.each([
    ['', 'ms is required: a whole number from 0 to 10000.'],
    ['ms=', 'ms must be a whole number from 0 to 10000.'],
    ['ms=abc', 'ms must be a whole number from 0 to 10000.'],
    ['ms=-1', 'ms must be a whole number from 0 to 10000.'],
    ['ms=1.5', 'ms must be a whole number from 0 to 10000.'],
    ['ms=1e3', 'ms must be a whole number from 0 to 10000.'],
    ['ms=%201', 'ms must be a whole number from 0 to 10000.'],
    ['ms=10001', 'ms must be from 0 to 10000.'],
    ['ms=99999999999999999999999', 'ms must be from 0 to 10000.'],
    ['ms=5&ms=6', 'ms is given more than once.'],
    ['ms=5&status=302', 'status must be 200, or an error status from 400 to 599.'],
    ['ms=5&status=600', 'status must be from 200 to 599.'],
    ['ms=5&status=ok', 'status must be a whole number from 200 to 599.'],
    ['ms=5&id=', 'id must be 1 to 64 letters, digits, - or _.'],
    ['ms=5&id=a%20b', 'id must be 1 to 64 letters, digits, - or _.'],
    ['ms=5&wait=1', 'Unknown parameter: wait. Use ms, status and id.'],
    ['ms=5&__proto__=1', 'Unknown parameter: __proto__. Use ms, status and id.'],
  ])('refuses ?%s with a message', (search, error) => {
    expect(parse(search)).toEqual({ ok: false, error })
  })
})
