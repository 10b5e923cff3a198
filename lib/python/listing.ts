/**
 * What a Python listing is expected to do when real CPython runs it, and how its output is compared
 * with the output recorded from CPython: exactly, except for the figures that change from run to run
 * (times, process ids), which are declared with a pattern and, where it matters, a range.
 */

/** A number in the output that changes from run to run: the first group of `pattern`. */
export type Figure = {
  pattern: RegExp
  /** The figure must lie in this range, inclusive. */
  range?: readonly [number, number]
  /** The figure must lie within this much of the recorded one (compared in order of appearance). */
  within?: number
}

export type Expectation = {
  /** Argument lists, one run each (default: one run, no arguments). `{site}` is the site's URL. */
  runs?: readonly (readonly string[])[]
  /** It talks to this site: it runs in e2e, against the production server. */
  site?: boolean
  /** Seconds before it is killed (default 30). */
  timeout?: number
  /** The exception it must raise: a traceback ending in this name, its own or a child process's. */
  raises?: string
  /** It must still be running at the timeout (a hang the lesson warns about). */
  hangs?: boolean
  figures?: readonly Figure[]
  /** Threads or processes print in an order that changes from run to run: lines compare as a set. */
  anyOrder?: boolean
  /**
   * What one printed line looks like, for listings whose threads print at once: `print()` writes the
   * text and the newline separately, so two lines can run together (`Task 0: doneTask 1: done`).
   */
  line?: RegExp
}

/** One run of a listing: what a terminal showed (stdout and stderr, as on a screen) and how it ended. */
export type Outcome = { output: string; exitCode: number | null; timedOut: boolean }

const global = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)

const figureValue = (text: string) => Number(text.replace(/[,_\s]/g, ''))

/**
 * The output with every declared figure replaced by `#` and, for `anyOrder`, its lines sorted; the
 * figures that must stay near the recorded ones, in order; and the problems found on the way (a
 * figure out of its range, text that is not a line).
 */
export function normalize(output: string, expectation: Expectation): { text: string; near: { value: number; within: number }[]; problems: string[] } {
  const problems: string[] = []
  const near: { value: number; within: number }[] = []
  const text = output.replace(/\r\n/g, '\n').trimEnd()
  let lines: string[]
  if (expectation.line) {
    lines = text.match(global(expectation.line)) ?? []
    const rest = text.replace(global(expectation.line), '').trim()
    if (rest) problems.push(`text that is not a printed line: ${JSON.stringify(rest.slice(0, 80))}`)
  } else {
    lines = text.split('\n')
  }
  lines = lines.map((line) => {
    for (const { pattern, range, within } of expectation.figures ?? []) {
      line = line.replace(global(pattern), (match: string, figure: string | undefined) => {
        if (figure === undefined) throw new Error(`${pattern} has no group for the figure`)
        const value = figureValue(figure)
        if (range && !(value >= range[0] && value <= range[1])) {
          problems.push(`${JSON.stringify(match.trim())}: ${figure} is outside ${range[0]}…${range[1]}`)
        }
        if (within !== undefined) near.push({ value, within })
        return match.replace(figure, '#')
      })
    }
    return line.trimEnd()
  })
  if (expectation.anyOrder) {
    if (near.length) throw new Error('a figure compared by position (within) needs the lines in order')
    lines.sort()
  }
  return { text: lines.join('\n'), near, problems }
}

/** A traceback's last line names the exception: `ValueError: …`, `multiprocessing.x.Error`, or bare. */
export function raised(output: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^(?:[\\w.]+\\.)?${escaped}(?::|$)`, 'm').test(output) && /^Traceback \(most recent call last\):/m.test(output)
}

/** How a run ended, against what the listing declares: an empty list when it did what it should. */
export function checkEnding(outcome: Outcome, expectation: Expectation): string[] {
  const problems: string[] = []
  const tail = outcome.output.trimEnd().split('\n').slice(-12).join('\n')
  if (expectation.hangs && !outcome.timedOut) problems.push(`should still be running at the timeout, but exited with ${outcome.exitCode}`)
  if (!expectation.hangs && outcome.timedOut) problems.push(`still running after ${expectation.timeout ?? 30} s:\n${tail}`)
  if (expectation.raises) {
    if (!raised(outcome.output, expectation.raises)) problems.push(`should raise ${expectation.raises}, but printed:\n${tail}`)
  } else if (!outcome.timedOut && outcome.exitCode !== 0) {
    problems.push(`exited with ${outcome.exitCode}:\n${tail}`)
  }
  return problems
}

/** A fresh run against the recorded one: empty when they agree, else what differs. */
export function compareOutput(recorded: string, fresh: string, expectation: Expectation): string[] {
  const before = normalize(recorded, expectation)
  const now = normalize(fresh, expectation)
  const problems = [...before.problems.map((p) => `recorded output: ${p}`), ...now.problems]
  if (before.text !== now.text) {
    const a = before.text.split('\n')
    const b = now.text.split('\n')
    const line = a.findIndex((text, i) => text !== b[i])
    const at = line === -1 ? a.length : line
    problems.push(`output differs from the recording at line ${at + 1}:\n  recorded: ${JSON.stringify(a[at] ?? '(end)')}\n  now:      ${JSON.stringify(b[at] ?? '(end)')}`)
  } else {
    before.near.forEach(({ value, within }, i) => {
      const fresh = now.near[i]!.value
      if (Math.abs(fresh - value) > within + 1e-9) problems.push(`a figure is ${fresh} now, ${value} when recorded (allowed: ±${within})`)
    })
  }
  return problems
}
