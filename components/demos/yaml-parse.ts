import { LineCounter, parseAllDocuments, type ScalarTag, type Tags, type YAMLError } from 'yaml'

/** 1.1 is what PyYAML implements (`yes` and `no` are booleans); 1.2 is the current spec. */
export type YamlVersion = '1.1' | '1.2'

export type YamlProblem = { line: number; column: number; message: string; /** Characters from the column, at least 1. */ length: number }

/** A parsed value, as `toJS({ mapAsMap, intAsBigInt })` gives it: ints stay apart from floats, keys keep their types. */
export type YamlValue = null | boolean | bigint | number | string | Date | Uint8Array | YamlValue[] | Set<YamlValue> | Map<YamlValue, YamlValue>

export type YamlParse = {
  documents: YamlValue[]
  errors: YamlProblem[]
  warnings: YamlProblem[]
}

const boolTag = 'tag:yaml.org,2002:bool'
const floatTag = 'tag:yaml.org,2002:float'
const strTag = 'tag:yaml.org,2002:str'
const scalar = (tag: string, test: RegExp, resolve: (source: string) => unknown, identify: (value: unknown) => boolean): ScalarTag => ({
  tag,
  test,
  default: true,
  identify,
  resolve,
})

/**
 * YAML 1.1 as PyYAML reads it: the spec also makes `y` and `n` booleans, and `1e3` a float; PyYAML
 * does neither (its floats need a dot and a signed exponent, like `1.0e+3`). Its numbers are stricter
 * too: a leading zero is octal or nothing (`08443` and `0:30` stay strings), and a leading dot takes
 * no sign (`+.5` is a string). That first tag keeps those strings, before the package's own tags.
 */
const pyyamlTags = (tags: Tags): Tags => [
  scalar(strTag, /^(?:[-+]?0[0-9_]*[89][0-9_]*|[-+]?0[0-9_]*(?::[0-5]?[0-9])+|[-+]\.[0-9_]*|\.(?:_[0-9_]*)?)$/, (source) => source, () => false),
  ...tags.filter((t) => typeof t === 'string' || !(t.tag === boolTag || (t.tag === floatTag && 'format' in t && t.format === 'EXP'))),
  scalar(boolTag, /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/, () => true, (v) => v === true),
  scalar(boolTag, /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/, () => false, (v) => v === false),
  scalar(floatTag, /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)[eE][-+][0-9]+$/, (source) => parseFloat(source.replaceAll('_', '')), (v) => typeof v === 'number'),
]

// #region parse
/**
 * Parses every document in `source` (separated by `---`) with the `yaml` package's safe default:
 * plain data only. An unknown tag such as `!!python/object` builds nothing; it becomes a warning
 * and its value stays a plain string. Aliases are capped, so a "billion laughs" file cannot explode.
 */
export function parseYaml(source: string, version: YamlVersion): YamlParse {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(source, {
    version,
    customTags: version === '1.1' ? pyyamlTags : undefined,
    intAsBigInt: true,
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  })
  const locate = (error: YAMLError): YamlProblem => {
    const { line, col } = lineCounter.linePos(error.pos[0])
    return { line, column: col, message: error.message, length: Math.max(1, error.pos[1] - error.pos[0]) }
  }
  const result: YamlParse = { documents: [], errors: [], warnings: [] }
  for (const doc of docs) {
    result.errors.push(...doc.errors.map(locate))
    result.warnings.push(...doc.warnings.map(locate))
    if (doc.errors.length) continue
    try {
      result.documents.push(doc.toJS({ mapAsMap: true, maxAliasCount: 100 }) as YamlValue)
    } catch (error) {
      const start = doc.range[0]
      const { line, col } = lineCounter.linePos(start)
      result.errors.push({ line, column: col, message: (error as Error).message, length: 1 })
    }
  }
  return result
}
// #endregion

/** The value as JSON: map keys become strings, big ints numbers where they fit, dates ISO text. */
export function toJson(value: YamlValue): unknown {
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([key, item]) => [typeof key === 'string' ? key : JSON.stringify(toJson(key)), toJson(item)]))
  }
  if (value instanceof Set || Array.isArray(value)) return [...value].map(toJson)
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value)
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return btoa(String.fromCharCode(...value))
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return value
}

function pythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  const escaped = [...text]
    .map((c) => {
      if (c === '\\') return '\\\\'
      if (c === quote) return `\\${c}`
      if (c === '\n') return '\\n'
      if (c === '\t') return '\\t'
      if (c === '\r') return '\\r'
      const code = c.codePointAt(0)!
      return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c
    })
    .join('')
  return `${quote}${escaped}${quote}`
}

/** Python's float repr: the shortest digits, fixed notation from 1e-4 up to 1e16, else 1e-07 style. */
function pythonFloat(n: number): string {
  if (Number.isNaN(n)) return 'nan'
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf'
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string]
  const e = Number(exponent)
  if (e >= -4 && e < 16) return Number.isInteger(n) ? `${n}.0` : String(n)
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`
}

const pad = (n: number) => String(n)

/** What `print(yaml.safe_load(...))` would show for this value in Python. */
export function toPython(value: YamlValue): string {
  if (value === null) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'number') return pythonFloat(value)
  if (typeof value === 'string') return pythonString(value)
  if (value instanceof Date) {
    const [y, mo, d, h, mi, s, ms] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds(), value.getUTCMilliseconds()]
    if (h + mi + s + ms === 0) return `datetime.date(${y}, ${mo}, ${d})`
    // Python's repr drops a zero microsecond, then a zero second: datetime.datetime(2026, 12, 2, 10, 30).
    const fields = [y, mo, d, h, mi, s, ms * 1000]
    if (fields.at(-1) === 0) fields.pop()
    if (fields.at(-1) === 0) fields.pop()
    return `datetime.datetime(${fields.map(pad).join(', ')})`
  }
  if (value instanceof Uint8Array) return `b${pythonString(String.fromCharCode(...value))}`
  if (value instanceof Set) return value.size ? `{${[...value].map(toPython).join(', ')}}` : 'set()'
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${toPython(k)}: ${toPython(v)}`).join(', ')}}`
  return `[${value.map(toPython).join(', ')}]`
}

/** A short type name for the tree view, in Python's words. */
export function pythonType(value: YamlValue): string {
  if (value === null) return 'None'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'bigint') return 'int'
  if (typeof value === 'number') return 'float'
  if (typeof value === 'string') return 'str'
  if (value instanceof Date) return value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() + value.getUTCMilliseconds() ? 'datetime' : 'date'
  if (value instanceof Uint8Array) return 'bytes'
  if (value instanceof Set) return 'set'
  if (value instanceof Map) return 'dict'
  return 'list'
}
