/**
 * Every challenge as written in the lessons: well formed, and, where CPython is the judge, judged
 * by CPython. A "Write the YAML" challenge's solution must load, under PyYAML itself, to the value
 * it asks for, and its starting document must not; the page's own check must agree with PyYAML.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { asyncioChecks } from '@/components/challenges/asyncio-check'
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

const startOf = (check: string) => readFileSync(path.resolve('components/challenges/asyncio-start', `${check}.py`), 'utf8')
const asyncioChallenges = all.flatMap((c) => c.parts.filter((p) => p.name === 'WriteAsyncio').map((part) => ({ ...c, part })))
/** What the judge says of each challenge's starting program, word for word: the e2e tests see it on the page too. */
const startFeedback: Record<string, string> = {
  overlap: '3.0 s, not 1.0 s: the fetches still run one after another.',
  blocking: '2.0 s, not 1.0 s: time.sleep() froze the event loop for 2.0 s in all, and no other task runs while it does.',
  timeout: '5.0 s, not 0.5 s: the program waited 5.0 s for /slow to answer; give each request 0.5 s.',
  semaphore: '6 requests were in flight at once (at 0.0 s on the loop\'s clock), not at most 2.',
}

describe.skipIf(!found.python)(`asyncio code challenges, judged by CPython${found.python ? '' : ` (skipped: ${(found as { why: string }).why})`}`, () => {
  /** Runs components/challenges/asyncio_challenges.py's judge under CPython, as Pyodide runs it in the page. */
  const judge = (check: string, code: string, start: string) =>
    JSON.parse(
      execFileSync(
        found.python!.command,
        ['-c', 'import json, sys\nimport asyncio_challenges\nprint(asyncio_challenges.check_json(*json.load(sys.stdin)))'],
        {
          input: JSON.stringify([check, code, start]),
          encoding: 'utf8',
          env: { ...process.env, PYTHONPATH: [path.resolve('components/challenges'), path.resolve('workers/inside')].join(path.delimiter), PYTHONDONTWRITEBYTECODE: '1' },
        },
      ),
    ) as { solved: boolean; message: string; stdout: string; seconds: number | null; traceback: string[] | null }

  it('each judge has a starting program, and the page knows them all', () => {
    const files = readdirSync(path.resolve('components/challenges/asyncio-start')).map((file) => file.replace(/\.py$/, ''))
    expect(files.toSorted()).toEqual([...asyncioChecks].toSorted())
    expect(asyncioChallenges.map((c) => c.part.props.check).toSorted()).toEqual([...asyncioChecks].toSorted())
  })

  it('there are at least two in each asyncio lesson', () => {
    for (const slug of ['asyncio', 'asyncio-io-and-aiohttp']) expect(asyncioChallenges.filter((c) => c.slug === slug).length, slug).toBeGreaterThanOrEqual(2)
  })

  for (const { slug, id, part, solution } of asyncioChallenges) {
    it(`${slug}#${id}: the solution passes; the start fails, saying why with numbers`, () => {
      const { check } = part.props as { check: string }
      const start = startOf(check)
      expect(startFeedback[check], `expected feedback for ${check}`).toBeDefined()
      const answer = solution.find((block) => block.lang === 'python')?.code
      expect(answer, 'a python block in the <Solution>').toBeDefined()
      const right = judge(check, answer!, start)
      expect(right.message).toMatch(/^\d+\.\d s on the loop's clock/)
      expect(right).toMatchObject({ solved: true, traceback: null })
      expect(judge(check, start, start)).toMatchObject({ solved: false, message: startFeedback[check] })
    })
  }

  it('an exception shows CPython\'s traceback, with the program\'s own lines only', () => {
    const start = startOf('overlap')
    const verdict = judge('overlap', start.replace('print(results)', 'print(result)'), start)
    expect(verdict.solved).toBe(false)
    expect(verdict.message).toBe("NameError: name 'result' is not defined — an exception, raised at 3.0 s on the loop's clock. The traceback is under the code.")
    expect(verdict.traceback).toEqual([
      'Traceback (most recent call last):',
      '  File "main.py", line 14, in <module>',
      '    asyncio.run(main())',
      '  File "main.py", line 11, in main',
      '    print(result)',
      expect.stringMatching(/^\s+\^+$/),
      "NameError: name 'result' is not defined",
    ])
  })

  it('a runaway program is stopped, saying why', () => {
    const start = startOf('overlap')
    expect(judge('overlap', start.replace('asyncio.run(main())', 'while True: pass'), start).message).toBe(
      'Stopped after 200,000 steps of the program: it computes for ever (or far too long) without finishing.',
    )
    expect(judge('overlap', start.replace('    results = [', '    await asyncio.Event().wait()\n    results = ['), start).message).toMatch(
      /^Stopped at 0\.0 s on the loop's clock: no task is ready and no timer is set/,
    )
    expect(judge('overlap', start.replace('(1)  #', '(2)  #'), start).message).toBe(
      'fetch_data() was changed: keep it as it is, it stands in for the server; change how it is called instead.',
    )
  })
})
