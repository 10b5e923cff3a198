import { describe, expect, it } from 'vitest'
import { bool, choice, decimal, defaultRaws, int, intOrNone, parseAll, parseControl, presetFromSearch, presetSearch, text } from './controls'

const workers = int({ label: 'Workers', min: 1, max: 16, default: 4 })
const seconds = decimal({ label: 'Seconds', min: 0.1, max: 5, default: 2 })
const mode = choice({ label: 'Mode', options: ['unsafe', 'lock', 'atomic'], default: 'unsafe' })

describe('parseControl', () => {
  it('accepts whole numbers in range, with Python-style separators', () => {
    expect(parseControl(workers, '4')).toEqual({ ok: true, value: 4 })
    expect(parseControl(workers, ' 16 ')).toEqual({ ok: true, value: 16 })
    const big = int({ label: 'Increments', min: 1, max: 5_000_000, default: 100_000 })
    expect(parseControl(big, '1_000_000')).toEqual({ ok: true, value: 1_000_000 })
  })

  it('rejects malformed numbers with a message, never NaN', () => {
    for (const raw of ['abc', '4.5', '1e3', '', '0x10', '--1', '1__0', 'NaN', 'Infinity']) {
      const parsed = parseControl(workers, raw)
      expect(parsed.ok, raw).toBe(false)
      if (!parsed.ok) expect(parsed.message).toMatch(/number/)
    }
  })

  it('names the limit a value breaks', () => {
    expect(parseControl(workers, '0')).toEqual({ ok: false, message: '0 is below the minimum, 1.' })
    expect(parseControl(workers, '17')).toEqual({ ok: false, message: '17 is above the maximum, 16.' })
    expect(parseControl(workers, '99999999999999999999')).toMatchObject({ ok: false })
  })

  it('parses decimals within limits', () => {
    expect(parseControl(seconds, '0.5')).toEqual({ ok: true, value: 0.5 })
    expect(parseControl(seconds, '.5')).toEqual({ ok: true, value: 0.5 })
    expect(parseControl(seconds, '5.01')).toMatchObject({ ok: false })
    expect(parseControl(seconds, '1,5')).toMatchObject({ ok: false })
  })

  it('accepts only listed choices', () => {
    expect(parseControl(mode, 'lock')).toEqual({ ok: true, value: 'lock' })
    expect(parseControl(mode, 'LOCK')).toMatchObject({ ok: false, message: expect.stringContaining('unsafe, lock, atomic') })
  })

  it('parses booleans and limits text length', () => {
    const flag = bool({ label: 'Shared', default: false })
    expect(parseControl(flag, 'true')).toEqual({ ok: true, value: true })
    expect(parseControl(flag, '0')).toEqual({ ok: true, value: false })
    expect(parseControl(flag, 'maybe')).toMatchObject({ ok: false })
    const source = text({ label: 'YAML', default: '', maxLength: 5 })
    expect(parseControl(source, 'abcde')).toEqual({ ok: true, value: 'abcde' })
    expect(parseControl(source, 'abcdef')).toMatchObject({ ok: false, message: expect.stringContaining('limit is 5') })
  })
})

describe('a whole number or None', () => {
  const chunksize = intOrNone({
    label: 'chunksize',
    min: 1,
    max: 1000,
    none: 'auto',
    default: null,
    refuse: { 0: 'chunksize=0 returns [None] * n.' },
  })

  it('reads its word, or Python’s own None, as null', () => {
    for (const raw of ['auto', ' AUTO ', 'None', 'none']) expect(parseControl(chunksize, raw), raw).toEqual({ ok: true, value: null })
    expect(parseControl(chunksize, '7')).toEqual({ ok: true, value: 7 })
  })

  it('refuses a listed value with its reason, before the range', () => {
    expect(parseControl(chunksize, '0')).toEqual({ ok: false, message: 'chunksize=0 returns [None] * n.' })
    expect(parseControl(chunksize, '-1')).toEqual({ ok: false, message: '-1 is below the minimum, 1.' })
  })

  it('names the word in the hint for a value that is not a number', () => {
    expect(parseControl(chunksize, 'lots')).toEqual({ ok: false, message: '“lots” is not a whole number. Use 1 to 1,000, or auto.' })
    expect(parseControl(chunksize, '')).toEqual({ ok: false, message: 'Enter a whole number from 1 to 1,000, or auto.' })
  })

  it('starts as its word and keeps it out of preset links', () => {
    const specs = { chunksize }
    expect(defaultRaws(specs)).toEqual({ chunksize: 'auto' })
    expect(presetSearch('pool-map', specs, { chunksize: 'auto' })).toBe('?demo=pool-map')
    expect(presetSearch('pool-map', specs, { chunksize: '7' })).toBe('?demo=pool-map&chunksize=7')
    expect(parseAll(specs, defaultRaws(specs)).values).toEqual({ chunksize: null })
  })
})

describe('parseAll', () => {
  const specs = { workers, seconds, mode }

  it('yields typed values only when every control is valid', () => {
    expect(parseAll(specs, defaultRaws(specs))).toEqual({ values: { workers: 4, seconds: 2, mode: 'unsafe' }, errors: {} })
    const bad = parseAll(specs, { ...defaultRaws(specs), workers: '99' })
    expect(bad.values).toBeNull()
    expect(Object.keys(bad.errors)).toEqual(['workers'])
  })
})

describe('presets from the query string', () => {
  const specs = { workers, mode }

  it('applies only to the demo the link names', () => {
    expect(presetFromSearch('?demo=pool&workers=8', 'counter', specs)).toBeNull()
    expect(presetFromSearch('?demo=counter&workers=8&mode=lock', 'counter', specs)).toEqual({
      raws: { workers: '8', mode: 'lock' },
      unknown: [],
      run: false,
    })
  })

  it('keeps bad values as text so the control can show them, and reports unknown names', () => {
    expect(presetFromSearch('?demo=counter&workers=lots&wrokers=2&run=1', 'counter', specs)).toEqual({
      raws: { workers: 'lots' },
      unknown: ['wrokers'],
      run: true,
    })
  })

  it('round-trips through presetSearch, leaving defaults out', () => {
    const raws = { ...defaultRaws(specs), mode: 'atomic' }
    const search = presetSearch('counter', specs, raws)
    expect(search).toBe('?demo=counter&mode=atomic')
    expect(presetFromSearch(search, 'counter', specs)?.raws).toEqual({ mode: 'atomic' })
  })
})
