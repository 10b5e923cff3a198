import { describe, expect, it } from 'vitest'
import { extractRegion } from './source-region'

const source = `import { expose } from 'comlink'

const api = {
  // #region increment
  increment(view: Int32Array) {
    Atomics.add(view, 0, 1)
  },
  // #endregion
}
# #region py
def f():
    pass
# #endregion
`

describe('extractRegion', () => {
  it('returns the lines between the markers, dedented', () => {
    expect(extractRegion(source, 'increment')).toBe('increment(view: Int32Array) {\n  Atomics.add(view, 0, 1)\n},')
  })

  it('understands Python comments', () => {
    expect(extractRegion(source, 'py')).toBe('def f():\n    pass')
  })

  it('returns the whole file without any marker lines when no region is named', () => {
    const whole = extractRegion(source)
    expect(whole).not.toMatch(/#(end)?region/)
    expect(whole).toContain("import { expose } from 'comlink'")
  })

  it('keeps nested regions whole, minus their markers', () => {
    const nested = '// #region outer\na\n// #region inner\nb\n// #endregion\nc\n// #endregion'
    expect(extractRegion(nested, 'outer')).toBe('a\nb\nc')
  })

  it('fails loudly on a missing or unclosed region', () => {
    expect(() => extractRegion(source, 'nope')).toThrow('#region nope not found')
    expect(() => extractRegion('// #region open\nx', 'open')).toThrow('no #endregion')
  })
})
