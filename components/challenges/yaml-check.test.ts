import { describe, expect, it } from 'vitest'
import { toPython } from '@/components/demos/yaml-parse'
import { checkYaml, firstDifference, pythonLiteral } from './yaml-check'

describe('pythonLiteral', () => {
  it('reads what repr prints back to the same repr', () => {
    for (const repr of ["{'country': 'NO', 'version': '3.10', 'enabled': True}", '[1, 2.5, None, False]', "{True: 'push'}", "{'a': [{'b': None}]}", "'None of it'"]) {
      expect(toPython(pythonLiteral(repr))).toBe(repr)
    }
  })

  it('refuses what repr would not print', () => {
    expect(() => pythonLiteral('{a: 1}')).toThrow(/repr/)
    expect(() => pythonLiteral('{"a": 1}')).toThrow(/repr/)
    expect(() => pythonLiteral("{'a': 1")).toThrow(/literal/)
  })
})

describe('firstDifference', () => {
  it('names the key and both values, with their types', () => {
    expect(firstDifference(pythonLiteral("{'country': 'NO'}"), pythonLiteral("{'country': False}"))).toBe(
      "At ['country']: expected 'NO' (str), got False (bool).",
    )
    expect(firstDifference(pythonLiteral("{'a': [1, 2]}"), pythonLiteral("{'a': [1, 2.0]}"))).toBe("At ['a'][1]: expected 2 (int), got 2.0 (float).")
    expect(firstDifference(pythonLiteral("{'on': 1}"), pythonLiteral('{True: 1}'))).toBe("no key 'on'; the keys are True.")
    expect(firstDifference(pythonLiteral("{'a': 1}"), pythonLiteral("{'a': 1, 'b': 2}"))).toBe("a key too many: 'b'.")
  })

  it('takes a dict in any key order as the same dict', () => {
    expect(firstDifference(pythonLiteral("{'a': 1, 'b': 2}"), pythonLiteral("{'b': 2, 'a': 1}"))).toBeNull()
  })
})

describe('checkYaml', () => {
  const expected = "{'country': 'NO', 'version': '3.10'}"
  it('passes a document that loads to the value, as PyYAML would load it', () => {
    expect(checkYaml("country: 'NO'\nversion: '3.10'\n", expected)).toEqual({ solved: true, message: `It loads to ${expected}, as asked.` })
  })
  it('says what the document loads to, and where it differs', () => {
    expect(checkYaml('country: NO\nversion: 3.10\n', expected)).toEqual({
      solved: false,
      message: "It loads to {'country': False, 'version': 3.1}. At ['country']: expected 'NO' (str), got False (bool).",
    })
  })
  it('gives the line and column of a document that does not load', () => {
    expect(checkYaml("country: 'NO\n", expected).message).toBe("It does not load: line 2, column 1: Missing closing 'quote")
  })
})
