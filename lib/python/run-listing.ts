/**
 * One run of a listing of content/python under CPython, as the tests and the recorder make it.
 * Node only.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { listings, type ListingFile } from '@/content/python/listings'
import { runCPython, type CPython } from './cpython'
import type { Expectation, Outcome } from './listing'

export const listingsDir = path.resolve('content/python')

export const expectationOf = (file: ListingFile): Expectation => listings[file]

/** A listing's runs: each argument list it declares, or one run without arguments. */
export const declaredRuns = (file: ListingFile): string[][] => (expectationOf(file).runs ?? [[]]).map((args) => [...args])

/**
 * Runs `file` with `args` (`{site}` → `site`, `{dir}` → content/python) in `cwd`, or in a scratch
 * folder removed afterwards (some listings write files: the scrapers write quotes.csv).
 */
export async function runListing(
  python: CPython,
  file: ListingFile,
  args: readonly string[],
  { site, cwd }: { site?: string; cwd?: string } = {},
): Promise<Outcome> {
  const expectation = expectationOf(file)
  if (expectation.site && !site) throw new Error(`${file} talks to the site: give its URL`)
  const expanded = args.map((arg) => arg.replace('{site}', site ?? '').replace('{dir}', listingsDir))
  const folder = cwd ?? mkdtempSync(path.join(tmpdir(), 'listing-'))
  try {
    return await runCPython(python, path.join(listingsDir, file), { args: expanded, cwd: folder, timeoutSeconds: expectation.timeout ?? 30 })
  } finally {
    if (!cwd) rmSync(folder, { recursive: true, force: true })
  }
}
