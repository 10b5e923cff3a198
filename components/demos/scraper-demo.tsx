'use client'

import { useEffect, useRef, useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { useDemo } from '@/components/demo-kit/use-demo'
import { useLiveView } from '@/components/demo-kit/use-live-view'
import { seconds } from '@/lib/format'
import { browserDeps } from '@/lib/scraper/browser-deps'
import { parseConfig } from '@/lib/scraper/config'
import { toCsv } from '@/lib/scraper/csv'
import { startPipeline, type PipelineSnapshot } from '@/lib/scraper/pipeline'
import { controls, problemsText, ScraperConfig } from './scraper-config'
import { bySymbol, type Csv } from './scraper-results'
import { ScraperView } from './scraper-view'

type ScraperResult = { rows: number; failed: number; retries: number; ms: number }

const columns = ['symbol', 'name', 'sector', 'price', 'change'] as const

/** The scraper pipeline: a YAML config declares queues and workers; Run scrapes the sample site with them. */
export function ScraperDemo() {
  const [csv, setCsv] = useState<Csv | null>(null)
  const [running, setRunning] = useState(false)
  const live = useRef<(() => PipelineSnapshot) | null>(null)
  // Redrawn a few times a second, not on every event: rendering is work for this thread too.
  const { view: snapshot, reset: setSnapshot } = useLiveView<PipelineSnapshot | null>(() => null, running, { perSecond: 5, refresh: (v) => live.current?.() ?? v })

  const demo = useDemo({
    id: 'scraper',
    controls,
    requiresNetwork: true,
    run: async ({ config: yaml }, { signal }): Promise<{ result: ScraperResult; summary: string }> => {
      const checked = parseConfig(yaml)
      if (!checked.ok) throw new Error(problemsText(checked.problems))
      setCsv(null)
      const pipeline = startPipeline(
        checked.config,
        browserDeps(),
        signal,
      )
      live.current = pipeline.snapshot
      setSnapshot(pipeline.snapshot())
      setRunning(true)
      try {
        const { rows, failures, retries, ms } = await pipeline.done
        const blob = new Blob([toCsv(columns, bySymbol(rows))], { type: 'text/csv;charset=utf-8' })
        setCsv({ url: URL.createObjectURL(blob), rows: rows.length })
        const found = pipeline.snapshot().discovered
        return {
          result: { rows: rows.length, failed: failures.length, retries, ms: Math.round(ms) },
          summary:
            `Scraped ${rows.length} of ${found} companies in ${seconds(ms, 1)}, with ${retries} ${retries === 1 ? 'retry' : 'retries'}` +
            `${failures.length ? ` and ${failures.length} failed` : ' and no failures'}.`,
        }
      } finally {
        live.current = null
        setRunning(false)
        setSnapshot(pipeline.snapshot())
      }
    },
  })

  // A new CSV replaces the old one; leaving the page frees it.
  useEffect(() => {
    if (!csv) return
    return () => URL.revokeObjectURL(csv.url)
  }, [csv])

  return (
    <DemoFrame
      demo={demo}
      title="Scraper pipeline"
      description={
        <p>
          A list worker reads the index of the <a href="/sample/companies" target="_blank" rel="noopener">sample exchange</a>, quote workers fetch each company’s page and parse its price, a sink collects the rows. The YAML declares it all; edit it and run.
        </p>
      }
      runLabel="the scraper"
      controls={<ScraperConfig source={demo.raws.config} tooLong={demo.errors.config} running={running} onChange={(yaml) => demo.setRaw('config', yaml)} />}
    >
      {snapshot ? <ScraperView snapshot={snapshot} running={running} csv={csv} /> : null}
    </DemoFrame>
  )
}
