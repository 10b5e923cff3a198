import { parseAllDocuments } from 'yaml'
import type { Verdict } from '@/components/mdx/challenge-client'
import { parseYaml, pythonType, toPython, type YamlValue } from '@/components/demos/yaml-parse'

/**
 * A Python literal as `repr` prints it (dicts, lists, strings, ints, floats, True, False, None),
 * read as the value it names. Python's repr is YAML 1.2 flow syntax but for `None`.
 */
export function pythonLiteral(repr: string): YamlValue {
  const docs = parseAllDocuments(repr.replace(/\bNone\b(?=(?:[^']*'[^']*')*[^']*$)/g, 'null'), { version: '1.2', intAsBigInt: true })
  const [doc] = Array.isArray(docs) ? docs : [docs]
  if (!doc || doc.errors.length || (Array.isArray(docs) && docs.length !== 1)) throw new Error(`Not a Python literal: ${repr}`)
  const value = doc.toJS({ mapAsMap: true }) as YamlValue
  if (toPython(value) !== repr) throw new Error(`Not written as Python's repr writes it: ${repr} (reads as ${toPython(value)})`)
  return value
}

const shown = (value: YamlValue) => `${toPython(value)} (${pythonType(value)})`
const at = (path: string) => (path ? `At ${path}: ` : '')

/**
 * Where `got` first differs from `expected`, in Python's terms, or null when they are the same:
 * the same types and values (a dict's keys in any order). Stricter than Python's `==`, which takes
 * `1 == 1.0 == True`: here a float where an int was asked for is a difference worth seeing.
 */
export function firstDifference(expected: YamlValue, got: YamlValue, path = ''): string | null {
  if (pythonType(expected) !== pythonType(got)) return `${at(path)}expected ${shown(expected)}, got ${shown(got)}.`
  if (expected instanceof Map && got instanceof Map) {
    const keys = new Map([...got.keys()].map((key) => [toPython(key), key]))
    for (const [key, value] of expected) {
      const name = `[${toPython(key)}]`
      if (!keys.has(toPython(key))) return `${at(path)}no key ${toPython(key)}; the keys are ${[...keys.keys()].join(', ') || 'none'}.`
      const difference = firstDifference(value, got.get(keys.get(toPython(key))!)!, path + name)
      if (difference) return difference
    }
    const extra = [...keys.keys()].filter((key) => ![...expected.keys()].some((k) => toPython(k) === key))
    return extra.length ? `${at(path)}a key too many: ${extra.join(', ')}.` : null
  }
  if (Array.isArray(expected) && Array.isArray(got)) {
    if (expected.length !== got.length) return `${at(path)}expected a list of ${expected.length}, got ${got.length} items: ${toPython(got)}.`
    for (const [i, item] of expected.entries()) {
      const difference = firstDifference(item, got[i]!, `${path}[${i}]`)
      if (difference) return difference
    }
    return null
  }
  return toPython(expected) === toPython(got) ? null : `${at(path)}expected ${shown(expected)}, got ${shown(got)}.`
}

/** Loads `source` as PyYAML's `safe_load` would (YAML 1.1) and compares it with the value asked for. */
export function checkYaml(source: string, expected: string): Verdict {
  const { documents, errors } = parseYaml(source, '1.1')
  if (errors.length) {
    const [error] = errors
    return { solved: false, message: `It does not load: line ${error!.line}, column ${error!.column}: ${error!.message}` }
  }
  if (documents.length !== 1) return { solved: false, message: `safe_load reads one document; this text has ${documents.length}.` }
  const difference = firstDifference(pythonLiteral(expected), documents[0]!)
  return difference
    ? { solved: false, message: `It loads to ${toPython(documents[0]!)}. ${difference}` }
    : { solved: true, message: `It loads to ${toPython(documents[0]!)}, as asked.` }
}
