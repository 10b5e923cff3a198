/**
 * One run of a listing of content/python under CPython, as the tests and the recorder make it.
 * Node only.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { listings } from '@/content/python/listings'
import { runCPython, type CPython } from './cpython'
import { checkEnding, compareOutput, type Expectation, type Outcome } from './listing'
import { minorVersion, recorded, runsOf } from './recorded'

export const listingsDir = path.resolve('content/python')

/** Every listing: each `.py` file of content/python, in name order (the order they are recorded in). */
export const listingFiles = (): string[] =>
  readdirSync(listingsDir)
    .filter((file) => file.endsWith('.py'))
    .sort()

/** What a listing declares in listings.ts; one without an entry prints exactly its recording, in one run without arguments. */
export const expectationOf = (file: string): Expectation => listings[file] ?? {}

/** A listing's runs: each argument list it declares, or one run without arguments. */
export const declaredRuns = (file: string): string[][] => (expectationOf(file).runs ?? [[]]).map((args) => [...args])

/**
 * Runs `file` with `args` (`{site}` → `site`, `{dir}` → content/python) in `cwd`, or in a scratch
 * folder removed afterwards (some listings write files: the scrapers write quotes.csv). The site's
 * URL in the output comes back as `{site}`, as it is recorded: it differs from server to server.
 */
export async function runListing(
  python: CPython,
  file: string,
  args: readonly string[],
  { site, cwd }: { site?: string; cwd?: string } = {},
): Promise<Outcome> {
  const expectation = expectationOf(file)
  if (expectation.site && !site) throw new Error(`${file} talks to the site: give its URL`)
  const expanded = args.map((arg) => arg.replace('{site}', site ?? '').replace('{dir}', listingsDir))
  const folder = cwd ?? mkdtempSync(path.join(tmpdir(), 'listing-'))
  try {
    const outcome = await runCPython(python, path.join(listingsDir, file), { args: expanded, cwd: folder, timeoutSeconds: expectation.timeout ?? 30 })
    return site ? { ...outcome, output: outcome.output.replaceAll(site, '{site}') } : outcome
  } finally {
    if (!cwd) rmSync(folder, { recursive: true, force: true })
  }
}

/**
 * Runs every declared run of `file` and checks it against what the listing declares and, under the
 * minor version that recorded it (dis output and messages differ between versions), against the
 * recording. One entry per run: its label and its problems, none when it did what it should.
 */
export async function checkListing(python: CPython, file: string, site?: string): Promise<{ label: string; problems: string[] }[]> {
  const expectation = expectationOf(file)
  const recordings = runsOf(file)
  const compare = minorVersion(python.version) === minorVersion(recorded.python)
  const checked = []
  for (const [i, args] of declaredRuns(file).entries()) {
    const outcome = await runListing(python, file, args, { site })
    const problems = checkEnding(outcome, expectation)
    if (compare) problems.push(...compareOutput(recordings[i]!.output, outcome.output, expectation))
    checked.push({ label: [file, ...args].join(' '), problems })
  }
  return checked
}
