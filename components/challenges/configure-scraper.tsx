'use client'

import { useId, useMemo, useState } from 'react'
import { YamlEditor } from '@/components/demos/yaml-editor'
import { useChallenge } from '@/components/mdx/challenge-client'
import { parseConfig } from '@/lib/scraper/config'
import { parseIndex, parseQuote } from '@/lib/scraper/parse-pages'
import { HttpError } from '@/lib/scraper/pipeline'
import { RunBar, useMeasuredRun } from './challenge-form'
import { judgeScrape, runWithBudget, siteChanged } from './scraper-check'

/** GETs one sample page, as the scraper demo does: the HTML as text, parsed and never shown. */
async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal, cache: 'no-store' })
  const html = await response.text()
  if (!response.ok) throw new HttpError(response.status)
  return html
}
const toDocument = (html: string) => new DOMParser().parseFromString(html, 'text/html')

type Props = {
  /** The config the learner starts from, a string per line: MDX strips the indentation of a string that spans lines. */
  start: string[]
  /** The page the pipeline must start from: it sets the site's latency and failures. */
  page: string
  /** Every company must be scraped within this, on the pipeline's own clock. */
  budgetMs: number
  rows?: number
}

/** "Configure": edit the scraper's YAML until it scrapes every company of a failing site within a time budget. */
export function ConfigureScraper({ start, page, budgetMs, rows = 16 }: Props) {
  const id = useId()
  const { attempt } = useChallenge()
  const [source, setSource] = useState(() => `${start.join('\n')}\n`)
  const checked = useMemo(() => parseConfig(source), [source])
  const problems = checked.ok ? [] : checked.problems
  const { running, phase, failure, start: begin } = useMeasuredRun()

  return (
    <form
      className="not-prose mt-3 grid gap-2"
      onSubmit={(event) => {
        event.preventDefault()
        if (!checked.ok) {
          attempt({ solved: false, message: `The config does not match the schema: line ${problems[0]!.line}: ${problems[0]!.message}.` })
          return
        }
        const changed = siteChanged(checked.config, page)
        if (changed) {
          attempt({ solved: false, message: changed })
          return
        }
        const config = checked.config
        void begin(async (signal, say) => {
          const deps = { fetchText, parseIndex: (html: string, url: string) => parseIndex(toDocument(html), url), parseQuote: (html: string) => parseQuote(toDocument(html)), base: window.location.origin }
          say('Scraping…')
          const outcome = await runWithBudget(config, deps, budgetMs, signal, (at) =>
            say(`Scraping: ${at.rows.length} of ${at.discovered || '…'} companies, ${at.retries} retries, ${(at.elapsed / 1000).toFixed(1)} s…`),
          )
          attempt(judgeScrape(config, page, outcome, budgetMs))
        })
      }}
    >
      <p className="m-0 text-sm">
        The site: <code className="font-mono">{page}</code>, about 250 ms a page, 10% of requests answered with 503. Budget: <strong>{(budgetMs / 1000).toFixed(1)} s</strong>.
      </p>
      <label htmlFor={`${id}-config`} className="control-label">
        Pipeline config (YAML)
      </label>
      <YamlEditor
        id={`${id}-config`}
        value={source}
        onChange={setSource}
        marks={problems.map((p) => ({ line: p.line, column: p.column, length: 1 }))}
        errorLines={new Set(problems.map((p) => p.line))}
        disabled={running}
        invalid={problems.length > 0}
        describedBy={`${id}-check`}
        rows={rows}
      />
      <p id={`${id}-check`} className="m-0 text-sm" aria-live="polite">
        {checked.ok ? 'Matches the schema.' : `Line ${problems[0]!.line}: ${problems[0]!.message}`}
      </p>
      <RunBar label="Run the pipeline" running={running} phase={phase} failure={failure} />
    </form>
  )
}
