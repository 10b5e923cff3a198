'use client'

import { useId, useMemo, useState } from 'react'
import { YamlEditor } from '@/components/demos/yaml-editor'
import { browserDeps } from '@/lib/scraper/browser-deps'
import { parseConfig } from '@/lib/scraper/config'
import { MeasuredForm, projected } from './challenge-form'
import { judgeScrape, runWithBudget, siteChanged } from './scraper-check'

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
  const [source, setSource] = useState(() => `${start.join('\n')}\n`)
  const checked = useMemo(() => parseConfig(source), [source])
  const problems = checked.ok ? [] : checked.problems

  return (
    <MeasuredForm
      action="Run the pipeline"
      className={`gap-2 ${projected.form}`}
      prepare={() => {
        if (!checked.ok) return { solved: false, message: `The config does not match the schema: line ${problems[0]!.line}: ${problems[0]!.message}.` }
        const changed = siteChanged(checked.config, page)
        if (changed) return { solved: false, message: changed }
        const config = checked.config
        return async (signal, say) => {
          say('Scraping…')
          const outcome = await runWithBudget(config, browserDeps(), budgetMs, signal, (at) =>
            say(`Scraping: ${at.rows.length} of ${at.discovered || '…'} companies, ${at.retries} retries, ${(at.elapsed / 1000).toFixed(1)} s…`),
          )
          return judgeScrape(config, page, outcome, budgetMs)
        }
      }}
    >
      {(running) => (
        <>
          <p className="m-0 text-sm">
            The site: <code className="font-mono">{page}</code>, about 250 ms a page, 10% of requests answered with 503. Budget: <strong>{(budgetMs / 1000).toFixed(1)} s</strong>.
          </p>
          <label htmlFor={`${id}-config`} className="control-label">
            Pipeline config (YAML)
          </label>
          <div className={projected.editor}>
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
          </div>
          <p id={`${id}-check`} className="m-0 text-sm" aria-live="polite">
            {checked.ok ? 'Matches the schema.' : `Line ${problems[0]!.line}: ${problems[0]!.message}`}
          </p>
        </>
      )}
    </MeasuredForm>
  )
}
