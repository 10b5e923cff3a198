/**
 * Demo controls: what a demo accepts, how a typed or linked value is parsed, and the message a
 * learner sees when it is wrong. Values are kept as the raw text the learner typed (or the URL
 * carried) so a bad value stays visible next to its message instead of turning into NaN.
 */

type Common = { label: string; /** One short line under the control. */ help?: string }

export type IntSpec = Common & {
  kind: 'int'
  min: number
  max: number
  default: number
  unit?: string
  /** Whole numbers that are refused even in range, each with the reason the learner reads. */
  refuse?: Readonly<Record<number, string>>
}
/**
 * A whole number, or a word standing for Python's `None` (parsed to null), for arguments where
 * `None` means something no number says: `chunksize=None` is "let map choose". `None` itself is
 * accepted too, as Python spells it.
 */
export type IntOrNoneSpec = Omit<IntSpec, 'kind' | 'default'> & { kind: 'int-or-none'; none: string; default: number | null }
export type DecimalSpec = Common & { kind: 'decimal'; min: number; max: number; default: number; unit?: string }
export type ChoiceOption<T extends string> = { value: T; label: string }
export type ChoiceSpec<T extends string = string> = Common & {
  kind: 'choice'
  options: readonly ChoiceOption<T>[]
  default: T
}
export type BoolSpec = Common & { kind: 'bool'; default: boolean }
export type TextSpec = Common & { kind: 'text'; default: string; maxLength: number; rows?: number }

export type ControlSpec = IntSpec | IntOrNoneSpec | DecimalSpec | ChoiceSpec | BoolSpec | TextSpec
export type ControlSpecs = Record<string, ControlSpec>

export type ValueOf<S extends ControlSpec> = S extends IntOrNoneSpec
  ? number | null
  : S extends IntSpec | DecimalSpec
  ? number
  : S extends ChoiceSpec<infer T>
    ? T
    : S extends BoolSpec
      ? boolean
      : string
export type Values<C extends ControlSpecs> = { -readonly [K in keyof C]: ValueOf<C[K]> }
export type RawValues<C extends ControlSpecs> = Record<keyof C, string>
export type Errors<C extends ControlSpecs> = Partial<Record<keyof C, string>>

export const int = (spec: Omit<IntSpec, 'kind'>): IntSpec => ({ kind: 'int', ...spec })
export const intOrNone = (spec: Omit<IntOrNoneSpec, 'kind'>): IntOrNoneSpec => ({ kind: 'int-or-none', ...spec })
export const decimal = (spec: Omit<DecimalSpec, 'kind'>): DecimalSpec => ({ kind: 'decimal', ...spec })
export const bool = (spec: Omit<BoolSpec, 'kind'>): BoolSpec => ({ kind: 'bool', ...spec })
export const text = (spec: Omit<TextSpec, 'kind'>): TextSpec => ({ kind: 'text', ...spec })
export function choice<const T extends string>(
  spec: Omit<ChoiceSpec<T>, 'kind' | 'options'> & { options: readonly (T | ChoiceOption<T>)[] },
): ChoiceSpec<T> {
  const options = spec.options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o))
  return { ...spec, kind: 'choice', options }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 })
const quote = (raw: string) => `“${raw.length > 24 ? `${raw.slice(0, 24)}…` : raw}”`

function inRange(spec: IntSpec | IntOrNoneSpec | DecimalSpec, value: number): Parsed<number> {
  if (value < spec.min) return { ok: false, message: `${fmt(value)} is below the minimum, ${fmt(spec.min)}.` }
  if (value > spec.max) return { ok: false, message: `${fmt(value)} is above the maximum, ${fmt(spec.max)}.` }
  return { ok: true, value }
}

/** A whole number in range and not refused; `orNone` ends the hint of what to type instead. */
function wholeNumber(spec: IntSpec | IntOrNoneSpec, trimmed: string, orNone = ''): Parsed<number> {
  const limits = `${fmt(spec.min)} to ${fmt(spec.max)}${orNone}`
  if (trimmed === '') return { ok: false, message: `Enter a whole number from ${limits}.` }
  // Python-style digit separators are welcome: 1_000_000.
  if (!/^[+-]?\d+(?:_\d+)*$/.test(trimmed)) return { ok: false, message: `${quote(trimmed)} is not a whole number. Use ${limits}.` }
  const value = Number(trimmed.replaceAll('_', ''))
  if (!Number.isSafeInteger(value)) return { ok: false, message: `${quote(trimmed)} is far too large.` }
  const refused = spec.refuse?.[value]
  if (refused) return { ok: false, message: refused }
  return inRange(spec, value)
}

/** Parses one raw value against its spec. Never throws, never yields NaN. */
export function parseControl<S extends ControlSpec>(spec: S, raw: string): Parsed<ValueOf<S>> {
  return parseAny(spec, raw) as Parsed<ValueOf<S>>
}

function parseAny(spec: ControlSpec, raw: string): Parsed<unknown> {
  const trimmed = raw.trim()
  switch (spec.kind) {
    case 'int':
      return wholeNumber(spec, trimmed)
    case 'int-or-none': {
      const word = trimmed.toLowerCase()
      if (word === spec.none.toLowerCase() || word === 'none') return { ok: true, value: null }
      return wholeNumber(spec, trimmed, `, or ${spec.none}`)
    }
    case 'decimal': {
      if (trimmed === '') return { ok: false, message: `Enter a number from ${fmt(spec.min)} to ${fmt(spec.max)}.` }
      if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(trimmed)) {
        return { ok: false, message: `${quote(trimmed)} is not a number. Use ${fmt(spec.min)} to ${fmt(spec.max)}.` }
      }
      return inRange(spec, Number(trimmed))
    }
    case 'choice': {
      const option = spec.options.find((o) => o.value === trimmed)
      if (option) return { ok: true, value: option.value }
      return {
        ok: false,
        message: `${quote(trimmed)} is not an option. Choose ${spec.options.map((o) => o.value).join(', ')}.`,
      }
    }
    case 'bool': {
      if (/^(true|1|yes|on)$/i.test(trimmed)) return { ok: true, value: true }
      if (/^(false|0|no|off)$/i.test(trimmed)) return { ok: true, value: false }
      return { ok: false, message: `${quote(trimmed)} is not true or false.` }
    }
    case 'text': {
      if (raw.length > spec.maxLength) {
        return {
          ok: false,
          message: `Too long: ${fmt(raw.length)} characters; the limit is ${fmt(spec.maxLength)}.`,
        }
      }
      return { ok: true, value: raw }
    }
  }
}

/** The text a control starts with: its default, or for `None` the word that stands for it. */
export const defaultRaw = (spec: ControlSpec): string => (spec.kind === 'int-or-none' && spec.default === null ? spec.none : String(spec.default))

export function defaultRaws<C extends ControlSpecs>(specs: C): RawValues<C> {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, defaultRaw(spec)])) as RawValues<C>
}

/** Parses every control; `values` is set only when all are valid. */
export function parseAll<C extends ControlSpecs>(
  specs: C,
  raws: RawValues<C>,
): { values: Values<C> | null; errors: Errors<C> } {
  const values: Record<string, unknown> = {}
  const errors: Errors<C> = {}
  for (const name of Object.keys(specs) as (keyof C & string)[]) {
    const parsed = parseAny(specs[name]!, raws[name])
    if (parsed.ok) values[name] = parsed.value
    else errors[name] = parsed.message
  }
  return { values: Object.keys(errors).length === 0 ? (values as Values<C>) : null, errors }
}

/** Query-string names that steer the demo rather than set a control. */
export const reservedParams = ['demo', 'run'] as const

/**
 * The preset a URL carries for one demo: `?demo=<id>&name=value…` applies only to the demo whose
 * id matches. `unknown` lists names that match no control, so a typo in a shared link is visible.
 */
export function presetFromSearch<C extends ControlSpecs>(
  search: string,
  id: string,
  specs: C,
): { raws: Partial<RawValues<C>>; unknown: string[]; run: boolean } | null {
  const params = new URLSearchParams(search)
  if (params.get('demo') !== id) return null
  const raws: Partial<RawValues<C>> = {}
  const unknown: string[] = []
  for (const [name, value] of params) {
    if ((reservedParams as readonly string[]).includes(name)) continue
    if (Object.hasOwn(specs, name)) raws[name as keyof C] = value
    else unknown.push(name)
  }
  const run = params.has('run') && params.get('run') !== '0' && params.get('run') !== 'false'
  return { raws, unknown, run }
}

/** The link that opens a demo with these values: the inverse of `presetFromSearch`. */
export function presetSearch<C extends ControlSpecs>(id: string, specs: C, raws: RawValues<C>): string {
  const params = new URLSearchParams({ demo: id })
  for (const name of Object.keys(specs)) {
    if (raws[name] !== defaultRaw(specs[name]!)) params.set(name, raws[name]!)
  }
  return `?${params}`
}
