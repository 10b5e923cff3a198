/**
 * CPython is the oracle: every Python program the site shows runs under real CPython here. The
 * listings of content/python must print what recorded.json says CPython printed (figures that vary
 * compared by pattern or range, as listings.ts declares); every ```python run block of a lesson must
 * end the way it declares. Listings that talk to the site run in e2e (e2e/python.spec.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findCPython, missingFor, runCPython } from '@/lib/python/cpython'
import { demoTwins, runnableBlocks } from '@/lib/python/lesson-code'
import { checkEnding } from '@/lib/python/listing'
import { minorVersion, recorded } from '@/lib/python/recorded'
import { checkListing, declaredRuns, expectationOf, listingFiles, listingsDir } from '@/lib/python/run-listing'
import { writtenSlugs } from '../written'
import { listings } from './listings'

const files = listingFiles()
const lessons = writtenSlugs(path.join(listingsDir, '../..')).map((slug) => ({
  slug,
  mdx: readFileSync(path.join(listingsDir, `../${slug}.mdx`), 'utf8'),
}))

describe('the listings of content/python', () => {
  it('include every file that listings.ts has an entry for', () => {
    expect(Object.keys(listings).filter((file) => !files.includes(file))).toEqual([])
  })

  it('each have recorded CPython output for every declared run', () => {
    const declared = files.flatMap((file) => declaredRuns(file).map((args) => [file, ...args].join(' ')))
    expect(recorded.runs.map((run) => [run.file, ...run.args].join(' '))).toEqual(declared)
  })

  it.each(lessons)('mirrored by a demo of $slug are listings', ({ mdx }) => {
    for (const twin of demoTwins(mdx)) expect(files, twin).toContain(twin)
  })
})

const found = findCPython()
const ran = { listings: 0, runs: 0, blocks: 0 }

if (!found.python) {
  describe('under CPython', () => {
    it.skip(found.why, () => {})
  })
  console.warn(found.why)
} else {
  const { python } = found
  // checkListing compares output only under the minor version that recorded it; the summary says when it did not.
  const sameVersion = minorVersion(python.version) === minorVersion(recorded.python)

  describe(`under CPython ${python.version} (${python.command})`, () => {
    for (const file of files.filter((f) => !expectationOf(f).site)) {
      const expectation = expectationOf(file)
      const missing = missingFor(python, path.join(listingsDir, file))
      it.skipIf(missing !== null)(`${file} prints what CPython ${recorded.python} printed${missing ? ` (skipped: ${missing})` : ''}`, { timeout: ((expectation.timeout ?? 30) + 15) * 1000 * declaredRuns(file).length }, async () => {
        for (const { label, problems } of await checkListing(python, file)) {
          expect(problems, label).toEqual([])
          ran.runs++
        }
        ran.listings++
      })
    }

    for (const { slug, mdx } of lessons) {
      const blocks = runnableBlocks(mdx)
      if (!blocks.length) continue
      it(`the runnable blocks of ${slug}.mdx end as they declare`, { timeout: blocks.reduce((sum, b) => sum + (b.expectation.timeout ?? 30) + 15, 0) * 1000 }, async () => {
        const dir = mkdtempSync(path.join(tmpdir(), `${slug}-`))
        try {
          for (const block of blocks) {
            const file = path.join(dir, `${slug}-line-${block.line}.py`)
            writeFileSync(file, block.code)
            const missing = missingFor(python, file)
            if (missing) {
              console.warn(`content/${slug}.mdx line ${block.line} not run: ${missing}`)
              continue
            }
            const outcome = await runCPython(python, file, { cwd: dir, timeoutSeconds: block.expectation.timeout ?? 30 })
            expect(checkEnding(outcome, block.expectation), `content/${slug}.mdx, the block on line ${block.line}`).toEqual([])
            ran.blocks++
          }
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      })
    }

    afterAll(() => {
      console.log(
        `CPython ${python.version} (${python.command}) ran ${ran.runs} runs of ${ran.listings} listings and ${ran.blocks} lesson blocks; ` +
          `${files.filter((f) => expectationOf(f).site).length} listings that talk to the site run in e2e.` +
          (sameVersion ? '' : ` Outputs were not compared: they were recorded with ${recorded.python}.`),
      )
    })
  })
}
