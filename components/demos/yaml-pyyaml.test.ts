/**
 * The YAML playground claims PyYAML's rules: here PyYAML itself reads the same documents, and the
 * playground's Python view must print what `print(yaml.safe_load(…))` prints.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCPython, missingFor, runCPython } from '@/lib/python/cpython'
import { parseYaml, toPython, type YamlValue } from './yaml-parse'

const listing = path.resolve('content/python/yaml_safe_load.py')
// The notes' YAML, as the lesson shows it: the block that starts with `rest:`.
const notesYaml = /```yaml\n(rest:\n[\s\S]*?)```/.exec(readFileSync(path.resolve('content/yaml.mdx'), 'utf8'))![1]!

/** Documents where YAML 1.1 (PyYAML) and YAML 1.2 part ways, and other values worth checking. */
const corpus = [
  notesYaml,
  'answers: [yes, no, on, off, y, n, true, False, ~, null]',
  'octal: 0o17\nold_octal: 017\nhex: 0x1F\nsexagesimal: 1:30\nunderscore: 1_000\nfloat: 1e3\nexp: 6.02e+23\ninf: .inf\n',
  'date: 2026-12-02\nwhen: 2026-12-02 10:30:00\nversion: 3.10\ntext: "3.10"\n',
  'anchors:\n  base: &base {port: 80, host: example.org}\n  copy: *base\n  merged:\n    <<: *base\n    port: 8080\n',
  "folded: >\n  one\n  two\nliteral: |\n  one\n  two\nempty:\nquoted: 'it''s'\n",
  'set: !!set {a, b}\nbinary: !!binary aGVsbG8=\nstr_number: !!str 42\n',
  'zip: 08443\nold_octal: 0_7\nbase60: 0:30\nbase60_float: 0:30.5\nsigned_dot: +.5\ndot: .\nexp: .5e+3\nnines: 09\n',
]

// The lesson's table of surprises: `| \`key: value\` | \`what PyYAML gives\` | why |`.
const surprises = [...readFileSync(path.resolve('content/yaml.mdx'), 'utf8').matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map(([, doc, gives]) => ({ doc: doc!, gives: gives! }))

const found = findCPython()

describe.skipIf(!found.python)(`the YAML playground and PyYAML${found.python ? '' : ` (skipped: ${found.why})`}`, () => {
  const python = found.python!
  const missing = found.python ? missingFor(python, listing) : null

  it.skipIf(missing !== null)('yaml_safe_load.py prints the notes’ YAML as the playground reads it', async () => {
    expect(readFileSync(listing, 'utf8')).toContain(notesYaml)
    const { output, exitCode } = await runCPython(python, listing)
    expect(exitCode).toBe(0)
    const parsed = parseYaml(notesYaml, '1.1')
    expect(parsed.errors).toEqual([])
    expect(output.split('\n')[0]).toBe(toPython(parsed.documents[0]!))
  })

  it.skipIf(missing !== null)('every document of the corpus loads to the same value in both', () => {
    const script = 'import json, sys, yaml\nfor doc in json.load(sys.stdin):\n    print(repr(yaml.safe_load(doc)))'
    // A set prints in hash order, which changes from run to run unless the seed is fixed; with seed 0, {'a', 'b'}.
    const env = { ...process.env, PYTHONHASHSEED: '0' }
    const printed = execFileSync(python.command, ['-c', script], { input: JSON.stringify(corpus), encoding: 'utf8', env }).trimEnd().split('\n')
    expect(printed).toHaveLength(corpus.length)
    corpus.forEach((doc, i) => {
      const parsed = parseYaml(doc, '1.1')
      expect(parsed.errors, doc).toEqual([])
      expect(toPython(parsed.documents[0]!), doc).toBe(printed[i])
    })
  })

  it.skipIf(missing !== null)('every row of the lesson’s table of surprises is what PyYAML and the playground give', () => {
    expect(surprises.length).toBeGreaterThanOrEqual(5)
    const script = 'import json, sys, yaml\nfor doc in json.load(sys.stdin):\n    print(repr(next(iter(yaml.safe_load(doc).values()))))'
    const printed = execFileSync(python.command, ['-c', script], { input: JSON.stringify(surprises.map((s) => s.doc)), encoding: 'utf8' }).trimEnd().split('\n')
    surprises.forEach(({ doc, gives }, i) => {
      expect(printed[i], doc).toBe(gives)
      const value = parseYaml(doc, '1.1').documents[0] as Map<unknown, YamlValue>
      expect(toPython([...value.values()][0]!), doc).toBe(gives)
    })
  })
})
