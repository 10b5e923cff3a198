/**
 * Every challenge as written in the lessons: well formed, and, where CPython is the judge, judged
 * by CPython. A "Write the YAML" challenge's solution must load, under PyYAML itself, to the value
 * it asks for, and its starting document must not; the page's own check must agree with PyYAML.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkYaml } from '@/components/challenges/yaml-check'
import { violation } from '@/components/challenges/scheduler/invariants'
import { initial, replay, runnable, step } from '@/components/challenges/scheduler/machine'
import { placed, placements, programs, withLock, type Lockable } from '@/components/challenges/scheduler/programs'
import { prove } from '@/components/challenges/scheduler/search'
import { findCPython } from '@/lib/python/cpython'
import { challengeSources, outline } from '@/lib/outline'
import { writtenSlugs } from './written'

const lessons = writtenSlugs().map((slug) => {
  const source = readFileSync(path.resolve('content', `${slug}.mdx`), 'utf8')
  return { slug, source, challenges: challengeSources(source) }
})
const all = lessons.flatMap(({ slug, challenges }) => challenges.map((challenge) => ({ slug, ...challenge })))

describe('challenges', () => {
  it('each has an id, a title, something to do and a solution; the outline counts them all', () => {
    for (const { slug, source, challenges } of lessons) {
      expect(outline(source).challenges).toEqual(challenges.map((c) => c.id))
      for (const challenge of challenges) {
        expect(challenge.id, slug).toMatch(/^[a-z0-9-]+$/)
        expect(challenge.title, `${slug}#${challenge.id}`).not.toBe('')
        expect(challenge.parts.length, `${slug}#${challenge.id}: an interactive check`).toBeGreaterThan(0)
      }
    }
  })
})

const yamlChallenges = all.flatMap((c) => c.parts.filter((p) => p.name === 'WriteYaml').map((part) => ({ ...c, part })))
const found = findCPython()
const pyyaml = found.python?.libraries.has('yaml') ? found.python : null

describe.skipIf(!pyyaml)(`"Write the YAML" challenges, judged by PyYAML${pyyaml ? '' : ` (skipped: ${found.python ? 'PyYAML is not installed' : (found as { why: string }).why})`}`, () => {
  const load = (docs: string[]) =>
    execFileSync(pyyaml!.command, ['-c', 'import json, sys, yaml\nfor doc in json.load(sys.stdin):\n    print(repr(yaml.safe_load(doc)))'], {
      input: JSON.stringify(docs),
      encoding: 'utf8',
    })
      .trimEnd()
      .split('\n')

  it('there are some', () => expect(yamlChallenges.length).toBeGreaterThanOrEqual(2))

  for (const { slug, id, part, solution } of yamlChallenges) {
    it(`${slug}#${id}: the solution loads to the value asked for, the start does not, and the page agrees`, () => {
      const { start, expected } = part.props as { start: string; expected: string }
      const answer = solution.find((block) => block.lang === 'yaml')?.code
      expect(answer, 'a yaml block in the <Solution>').toBeDefined()
      const [fromStart, fromAnswer] = load([start, answer!])
      expect(fromAnswer).toBe(expected)
      expect(fromStart).not.toBe(expected)
      expect(checkYaml(answer!, expected).solved).toBe(true)
      const verdict = checkYaml(start, expected)
      expect(verdict.solved).toBe(false)
      // The page says what PyYAML loads the start to.
      expect(verdict.message).toContain(`It loads to ${fromStart}.`)
    })
  }
})

describe('scheduler challenges, judged by the machine that runs their bytecode', () => {
  const scheduler = all.flatMap((c) => c.parts.filter((p) => p.name === 'BreakIt' || p.name === 'PlaceLock').map((part) => ({ ...c, part })))

  it('there are some in each threading lesson', () => {
    expect(new Set(scheduler.map((c) => c.slug))).toEqual(new Set(['threading', 'thread-safety']))
    for (const slug of ['threading', 'thread-safety']) expect(scheduler.filter((c) => c.slug === slug).length).toBeGreaterThanOrEqual(2)
  })

  for (const { slug, id, part, solution } of scheduler) {
    const program = (part.props as { program: keyof typeof programs & Lockable }).program
    if (part.name === 'BreakIt') {
      it(`${slug}#${id}: the solution's schedule breaks ${program} with the GIL, and a one-thread-at-a-time run does not`, () => {
        const written = solution.find((block) => block.lang === 'text')?.code
        expect(written, 'a text block with the schedule in the <Solution>').toBeDefined()
        const picks = written!.trim().split(/\s+/).map((name) => programs[program].threads.findIndex((t) => t.name === name))
        expect(picks).not.toContain(-1)
        expect(violation(replay(programs[program], 'gil', picks))).not.toBeNull()
        let alone = initial(programs[program], 'gil')
        for (let t = 0; t < alone.threads.length; t++) while (runnable(alone, t)) alone = step(alone, t)
        expect(violation(alone)).toBeNull()
      })
    } else {
      it(`${slug}#${id}: the solution is a placement of the lock that no schedule breaks, and no lock is broken`, () => {
        const written = solution.find((block) => block.lang === 'python')?.code
        const source = programs[program].threads[0]!.source
        const placement = placements(source).find((p) => withLock(source, p).trimEnd() === written?.trimEnd())
        expect(placement, 'the <Solution> shows one of the placements offered').toBeDefined()
        for (const interpreter of ['gil', 'free-threaded'] as const) expect(prove(placed(program, placement!), interpreter).broken).toBe(0)
        expect(prove(placed(program, null), 'gil').broken).toBeGreaterThan(0)
      })
    }
  }
})

// "Configure" challenges (web-scraper): the start and the solution, each run by the real pipeline
// against the sample site's own route handlers and judged as the page judges them.
describe('"Configure" challenges, run against the sample site', async () => {
  const { GET: indexRoute } = await import('@/app/sample/companies/route')
  const { GET: quoteRoute } = await import('@/app/sample/quote/[symbol]/route')
  const { parseConfig } = await import('@/lib/scraper/config')
  const { parseNumber } = await import('@/lib/scraper/parse-pages')
  const { HttpError } = await import('@/lib/scraper/pipeline')
  const { judgeScrape, runWithBudget, siteChanged } = await import('@/components/challenges/scraper-check')
  const base = 'http://lab.test'
  const deps = {
    base,
    fetchText: async (url: string, signal: AbortSignal) => {
      const request = new Request(url, { signal })
      const symbol = /\/sample\/quote\/([^/?]+)/.exec(url)?.[1]
      const response = await (symbol ? quoteRoute(request, { params: Promise.resolve({ symbol }) }) : indexRoute(request))
      signal.throwIfAborted()
      if (!response.ok) throw new HttpError(response.status)
      return response.text()
    },
    // Node has no DOMParser: read the pages with patterns, as lib/scraper/pipeline.test.ts does.
    parseIndex: (html: string, pageUrl: string) =>
      [...html.matchAll(/<tr><td><a href="([^"]+)">(\w+)<\/a><\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map(([, href, symbol, name, sector]) => ({
        symbol: symbol!,
        name: name!,
        sector: sector!,
        url: new URL(href!.replaceAll('&amp;', '&'), pageUrl).href,
      })),
    parseQuote: (html: string) => ({ price: parseNumber(/id="price"[^>]*>([^<]+)</.exec(html)![1]!), change: parseNumber(/id="change"[^>]*>([^<]+)</.exec(html)![1]!) }),
  }
  const configure = all.flatMap((c) => c.parts.filter((p) => p.name === 'ConfigureScraper').map((part) => ({ ...c, part })))

  it('there are some', () => expect(configure.length).toBeGreaterThanOrEqual(2))

  for (const { slug, id, part, solution } of configure) {
    const { start: lines, page, budgetMs } = part.props as { start: string[]; page: string; budgetMs: number }
    const start = `${lines.join('\n')}\n`
    // The solution shows the stage it changes: it replaces that stage of the start.
    const stage = solution.find((block) => block.lang === 'yaml')?.code ?? ''
    const name = /- name: (\w+)/.exec(stage)?.[1]
    const solved = start.replace(new RegExp(`^  - name: ${name}\\n[\\s\\S]*?\\n\\n`, 'm'), `${stage.trimEnd()}\n\n`)

    it.concurrent(`${slug}#${id}: the start falls short and the solution passes, run for real`, async () => {
      expect(name, 'a yaml block with one stage in the <Solution>').toBeDefined()
      expect(solved).not.toBe(start)
      const verdicts = await Promise.all(
        [start, solved].map(async (yaml) => {
          const checked = parseConfig(yaml)
          if (!checked.ok) throw new Error(JSON.stringify(checked.problems))
          expect(siteChanged(checked.config, page)).toBeNull()
          return judgeScrape(checked.config, page, await runWithBudget(checked.config, deps, budgetMs, new AbortController().signal), budgetMs)
        }),
      )
      expect(verdicts[0]!.solved, verdicts[0]!.message).toBe(false)
      expect(verdicts[1], verdicts[1]!.message).toMatchObject({ solved: true })
    }, 30_000)
  }
})
