import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'
import { parseNumber } from './parse-pages'

describe('toCsv', () => {
  it('writes a header and one line per record, quoting only where needed', () => {
    const csv = toCsv(['symbol', 'name', 'price'] as const, [
      { symbol: 'GRNT', name: 'Granite Holdings, Inc.', price: 12.5 },
      { symbol: 'VELO', name: 'Velo "Fast" Bicycles', price: 1234.56 },
      { symbol: 'ACME', name: 'Acme', price: 3 },
    ])
    expect(csv).toBe('symbol,name,price\r\nGRNT,"Granite Holdings, Inc.",12.5\r\nVELO,"Velo ""Fast"" Bicycles",1234.56\r\nACME,Acme,3\r\n')
  })

  it('writes just the header when there are no records', () => {
    expect(toCsv(['a', 'b'] as const, [])).toBe('a,b\r\n')
  })
})

describe('parseNumber', () => {
  it.each([
    ['1,234.56', 1234.56],
    [' 42 ', 42],
    ['+1.20%', 1.2],
    ['−3.05%', -3.05],
    ['$7.10', 7.1],
  ])('reads %j as %d', (text, value) => expect(parseNumber(text)).toBe(value))

  it.each(['', 'n/a', '1.2.3'])('gives NaN for %j', (text) => expect(parseNumber(text)).toBeNaN())
})
