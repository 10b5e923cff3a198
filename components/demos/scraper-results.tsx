import type { Failure, Row } from '@/lib/scraper/pipeline'

/** The CSV of the last run, as an object URL the page frees when it is replaced. */
export type Csv = { url: string; rows: number }

export const bySymbol = (rows: readonly Row[]) => [...rows].sort((a, b) => a.symbol.localeCompare(b.symbol))

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const percent = (n: number) => `${n > 0 ? '+' : ''}${n.toFixed(2)}%`

export function ScraperFailures({ failures }: { failures: Failure[] }) {
  return (
    <section aria-label="Failures" className="scraper-failures">
      <h4 className="scraper-heading">Failed after retries</h4>
      <ul>
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
    <section aria-label="Results" className="scraper-results">
      <div className="scraper-results-head">
        <h4 className="scraper-heading">Results</h4>
        {csv ? (
          <a className="button button-primary scraper-small" href={csv.url} download="quotes.csv">
            Download CSV ({csv.rows} rows)
          </a>
        ) : null}
      </div>
      <div className="scraper-table" role="region" aria-label="Scraped rows (scrolls)" tabIndex={0}>
        <table>
          <caption className="sr-only">Scraped quotes, one row per company</caption>
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Name</th>
              <th scope="col">Sector</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Change
              </th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Worker</th>
            </tr>
          </thead>
          <tbody>
            {bySymbol(rows).map((row) => (
              <tr key={row.symbol}>
                <td>{row.symbol}</td>
                <td>{row.name}</td>
                <td>{row.sector}</td>
                <td className="num">{money(row.price)}</td>
                <td className="num">{percent(row.change)}</td>
                <td className="num">{row.attempts}</td>
                <td>{row.worker}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
