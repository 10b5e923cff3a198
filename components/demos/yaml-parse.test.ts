import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { findCPython } from '@/lib/python/cpython'
import { parseYaml, toJson, toPython } from './yaml-parse'

const notesExample = `rest:
  url: "https://example.org/primenumbers/v1"
  port: 8443

prime_numbers: [2, 3, 5, 7, 11, 13, 17, 19]
`

// The CPython every Python check uses: $PYTHON, else python3 (see lib/python/cpython.ts).
const found = findCPython()
const python = found.python?.libraries.has('yaml') ? found.python : null

/** What PyYAML's safe_load_all prints for each document. */
const pyyaml = (source: string) =>
  execFileSync(python!.command, ['-c', 'import sys, yaml\nfor doc in yaml.safe_load_all(sys.stdin.read()): print(doc)'], { input: source, encoding: 'utf8' })
    .trimEnd()
    .split('\n')

describe('parseYaml', () => {
  it('parses the notes example into a dict and a list', () => {
    const { documents, errors } = parseYaml(notesExample, '1.1')
    expect(errors).toEqual([])
    expect(documents).toHaveLength(1)
    expect(toJson(documents[0]!)).toEqual({ rest: { url: 'https://example.org/primenumbers/v1', port: 8443 }, prime_numbers: [2, 3, 5, 7, 11, 13, 17, 19] })
  })

  it('counts the documents separated by ---', () => {
    expect(parseYaml('a: 1\n---\nb: 2\n---\nc: 3\n', '1.2').documents).toHaveLength(3)
    expect(parseYaml('', '1.2').documents).toHaveLength(0)
    expect(parseYaml('a: 1\n---\n', '1.2').documents).toEqual([new Map([['a', 1n]]), null])
  })

  it('locates a syntax error by line and column', () => {
    const { errors } = parseYaml('name: lab\nitems: [1, 2\nnext: 3\n', '1.2')
    expect(errors[0]).toMatchObject({ line: 3, column: 1 })
    expect(errors[0]!.message).toMatch(/Flow sequence/)
  })

  it('locates a bad indent and a duplicate key', () => {
    expect(parseYaml('a: 1\n  b: 2\n', '1.2').errors[0]).toMatchObject({ line: 1, column: 4 })
    expect(parseYaml('a: 1\nb: 2\na: 3\n', '1.2').errors[0]).toMatchObject({ line: 3, column: 1, message: 'Map keys must be unique' })
  })

  it('builds nothing from a Python tag: a warning, and a plain value', () => {
    const { documents, errors, warnings } = parseYaml('!!python/object/apply:os.system ["echo hi"]\n', '1.1')
    expect(errors).toEqual([])
    expect(warnings[0]).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('Unresolved tag') })
    expect(documents).toEqual([['echo hi']])
  })

  it('stops an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n')
    expect(parseYaml(bomb, '1.2').errors[0]!.message).toMatch(/alias/i)
  })

  it('reads yes and no as booleans in YAML 1.1 only', () => {
    expect(toJson(parseYaml('answer: no\ncountry: NO\n', '1.1').documents[0]!)).toEqual({ answer: false, country: false })
    expect(toJson(parseYaml('answer: no\ncountry: NO\n', '1.2').documents[0]!)).toEqual({ answer: 'no', country: 'NO' })
  })
})

const skipped = python ? '' : ` (skipped: ${found.python ? `${found.python.command} has no PyYAML` : found.why})`

describe(`toPython prints what PyYAML prints${skipped}`, () => {
  const cases = [
    notesExample,
    'answer: no\ncountry: NO\nversion: 3.10\nenabled: on\n',
    'a: 1.0\nb: 1e3\nc: .inf\nd: -.Inf\ne: 0.000001\nf: ~\ng: null\nh:\ni: 1.5e+20\nj: 6.02e23\n',
    "quote: \"it's\"\nboth: 'say \"hi\" isn''t it'\nnewline: \"a\\nb\"\n",
    '1: one\n2.5: two\nno: three\n',
    'when: 2001-12-14\nat: 2001-12-14 21:59:43\n',
    'nested:\n  - {a: 1, b: [x, y, n]}\n  - []\n  - {}\n',
    'a: 1\n---\n- 2\n---\n',
  ]
  it.skipIf(!python).each(cases)('%j', (source) => {
    expect(parseYaml(source, '1.1').documents.map(toPython)).toEqual(pyyaml(source))
  })
})
