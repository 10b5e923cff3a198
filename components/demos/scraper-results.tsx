import type { Failure, Row } from '@/lib/scraper/pipeline'

/** The CSV of the last run, as an object URL the page frees when it is replaced. */
export type Csv = { url: string; rows: number }

export const bySymbol = (rows: readonly Row[]) => [...rows].sort((a, b) => a.symbol.localeCompare(b.symbol))

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
/** The table's cells: text to the left, figures to the right; the header row stays in view as the rows scroll. */
const cell = 'border-b border-border px-3 py-1 text-code whitespace-nowrap'
const textCell = `${cell} text-left`
const numCell = `${cell} text-right font-mono`
const head = 'sticky top-0 bg-surface-2'
const percent = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(2)}%`

export function ScraperFailures({ failures }: { failures: Failure[] }) {
  return (
    <section aria-label="Failures">
      <h4 className="demo-label mt-0 mb-2">Failed after retries</h4>
      <ul className="m-0 list-disc pl-5">
        {failures.map((f) => (
          <li key={`${f.item}-${f.worker}`}>
            <strong>{f.item}</strong>: {f.reason} after {f.attempts} {f.attempts === 1 ? 'attempt' : 'attempts'} ({f.worker})
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The scraped rows, by symbol, and the CSV to download. */
export function ScraperResults({ rows, csv }: { rows: Row[]; csv: Csv | null }) {
  return (
    <section aria-label="Results">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h4 className="demo-label mt-0 mb-2">Results</h4>
        {csv ? (
          <a className="button button-primary button-small" href={csv.url} download="quotes.csv">
            Download CSV ({csv.rows} rows)
          </a>
        ) : null}
      </div>
      <div className="max-h-96 overflow-auto rounded-box border border-border bg-bg" role="region" aria-label="Scraped rows (scrolls)" tabIndex={0}>
        <table className="w-full border-collapse text-body">
          <caption className="sr-only">Scraped quotes, one row per company</caption>
          <thead>
            <tr>
              <th scope="col" className={`${head} ${textCell}`}>Symbol</th>
              <th scope="col" className={`${head} ${textCell}`}>Name</th>
              <th scope="col" className={`${head} ${textCell}`}>Sector</th>
              <th scope="col" className={`${head} ${numCell}`}>
                Price
              </th>
              <th scope="col" className={`${head} ${numCell}`}>
                Change
              </th>
              <th scope="col" className={`${head} ${numCell}`}>
                Attempts
              </th>
              <th scope="col" className={`${head} ${textCell}`}>Worker</th>
            </tr>
          </thead>
          <tbody>
            {bySymbol(rows).map((row) => (
              <tr key={row.symbol}>
                <td className={textCell}>{row.symbol}</td>
                <td className={textCell}>{row.name}</td>
                <td className={textCell}>{row.sector}</td>
                <td className={numCell}>{money(row.price)}</td>
                <td className={numCell}>{percent(row.change)}</td>
                <td className={numCell}>{row.attempts}</td>
                <td className={textCell}>{row.worker}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
