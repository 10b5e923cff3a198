import type { Job } from './pipeline'

/** "1,234.56" → 1234.56, "−1.20%" → -1.2. NaN when the text holds no number. */
export function parseNumber(text: string): number {
  const cleaned = text.replace(/[\s,%$]/g, '').replace(/^[−–]/, '-')
  return /^[+-]?\d+(?:\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN
}

// #region parse
/**
 * The companies an index page lists. The HTML is parsed into an inert document (DOMParser runs no
 * scripts and loads nothing) and read with selectors; it is never put into the page.
 */
export function parseIndex(doc: Document, pageUrl: string): Job[] {
  const jobs: Job[] = []
  for (const row of doc.querySelectorAll('table#companies tbody tr')) {
    const [symbolCell, nameCell, sectorCell] = row.querySelectorAll('td')
    const link = symbolCell?.querySelector('a[href]')
    if (!link || !nameCell || !sectorCell) continue
    jobs.push({
      symbol: link.textContent.trim(),
      name: nameCell.textContent.trim(),
      sector: sectorCell.textContent.trim(),
      url: new URL(link.getAttribute('href')!, pageUrl).href,
    })
  }
  return jobs
}

/** The price and today's change on a quote page. */
export function parseQuote(doc: Document): { price: number; change: number } {
  const price = parseNumber(doc.querySelector('#price')?.textContent ?? '')
  const change = parseNumber(doc.querySelector('#change')?.textContent ?? '')
  if (Number.isNaN(price)) throw new Error('no price on the page')
  return { price, change: Number.isNaN(change) ? 0 : change }
}
// #endregion
