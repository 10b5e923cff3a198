/**
 * The sample site's data: made-up companies with deterministic prices, latencies and failures,
 * so every run of the scraper (and every test) meets the same pages.
 */

export type Company = { symbol: string; name: string; sector: string }
export type Quote = Company & { price: number; change: number }

export const companies: readonly Company[] = [
  { symbol: 'ACME', name: 'Acme Rocket Works', sector: 'Industrials' },
  { symbol: 'ALDR', name: 'Alder Health', sector: 'Health Care' },
  { symbol: 'BLIP', name: 'Blip Telecom', sector: 'Communication Services' },
  { symbol: 'BRKN', name: 'Bracken & Sons Foods', sector: 'Consumer Staples' },
  { symbol: 'CNDL', name: 'Candlewick Retail', sector: 'Consumer Discretionary' },
  { symbol: 'CRUX', name: 'Crux Analytics', sector: 'Information Technology' },
  { symbol: 'DRFT', name: 'Driftwood Timber', sector: 'Materials' },
  { symbol: 'DUNE', name: 'Dune Solar', sector: 'Energy' },
  { symbol: 'EDDY', name: 'Eddy Current Electric', sector: 'Utilities' },
  { symbol: 'EMBR', name: 'Ember Energy', sector: 'Energy' },
  { symbol: 'FERN', name: 'Fernhill Bank', sector: 'Financials' },
  { symbol: 'FJRD', name: 'Fjord Shipping', sector: 'Industrials' },
  { symbol: 'GLMR', name: 'Glimmer Cosmetics', sector: 'Consumer Staples' },
  { symbol: 'GRNT', name: 'Granite Holdings, Inc.', sector: 'Real Estate' },
  { symbol: 'HLIX', name: 'Helix Biolabs', sector: 'Health Care' },
  { symbol: 'HRBR', name: 'Harbor Logistics', sector: 'Industrials' },
  { symbol: 'INKW', name: 'Inkwell Publishing', sector: 'Communication Services' },
  { symbol: 'IRIS', name: 'Iris Optics', sector: 'Information Technology' },
  { symbol: 'JADE', name: 'Jade Minerals', sector: 'Materials' },
  { symbol: 'JUNO', name: 'Juno Insurance', sector: 'Financials' },
  { symbol: 'KILN', name: 'Kiln Ceramics', sector: 'Materials' },
  { symbol: 'KITE', name: 'Kite Payments', sector: 'Financials' },
  { symbol: 'LARK', name: 'Lark Audio', sector: 'Information Technology' },
  { symbol: 'LUMN', name: 'Lumen Grid', sector: 'Utilities' },
  { symbol: 'MAPL', name: 'Maple Homes', sector: 'Real Estate' },
  { symbol: 'MOSS', name: 'Mossbank Capital', sector: 'Financials' },
  { symbol: 'NIMB', name: 'Nimbus Cloud', sector: 'Information Technology' },
  { symbol: 'NOVA', name: 'Nova Pharmaceuticals', sector: 'Health Care' },
  { symbol: 'OPAL', name: 'Opal Jewelers', sector: 'Consumer Discretionary' },
  { symbol: 'ORCA', name: 'Orca Marine Foods', sector: 'Consumer Staples' },
  { symbol: 'PEAK', name: 'Peak Outdoor', sector: 'Consumer Discretionary' },
  { symbol: 'PXL', name: 'Pixelforge Studios', sector: 'Communication Services' },
  { symbol: 'QRTZ', name: 'Quartz Semiconductors', sector: 'Information Technology' },
  { symbol: 'RVR', name: 'Riverbend Water', sector: 'Utilities' },
  { symbol: 'SLTE', name: 'Slate Robotics', sector: 'Industrials' },
  { symbol: 'TERN', name: 'Tern Travel', sector: 'Consumer Discretionary' },
  { symbol: 'UMBR', name: 'Umbra Security', sector: 'Information Technology' },
  { symbol: 'VELO', name: 'Velo "Fast" Bicycles', sector: 'Consumer Discretionary' },
  { symbol: 'WREN', name: 'Wren Airlines', sector: 'Industrials' },
  { symbol: 'XENO', name: 'Xenon Lighting', sector: 'Industrials' },
  { symbol: 'YARO', name: 'Yarrow Organics', sector: 'Consumer Staples' },
  { symbol: 'ZEPH', name: 'Zephyr Wind Power', sector: 'Utilities' },
]

const bySymbol = new Map(companies.map((company) => [company.symbol, company]))

/** A number in [0, 1) fixed by `key` (FNV-1a, then a final mix so close keys spread out). */
export function unit(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 2 ** 32
}

/** A company's quote: its price (10 to about 2,000) and today's change in percent, always the same. */
export function quoteFor(symbol: string): Quote | undefined {
  const company = bySymbol.get(symbol)
  if (!company) return undefined
  const price = Math.round(10 ** (1 + 2.3 * unit(`price:${symbol}`)) * 100) / 100
  const change = Math.round((unit(`change:${symbol}`) - 0.5) * 800) / 100
  return { ...company, price, change }
}

/** The settings every sample page accepts in its query string. */
export type SiteSettings = {
  /** Mean time before the page answers, in milliseconds. */
  latency: number
  /** How far one page's latency strays from the mean: 0 none, 1 from 0 to twice the mean. */
  jitter: number
  /** The share of requests answered with 503 Service Unavailable. */
  failures: number
  /** Which attempt this request is (1 for the first); a retry sends 2, 3… */
  attempt: number
}

/** `page` is "index" or a symbol. The same page always takes the same time. */
export function latencyFor(page: string, { latency, jitter }: SiteSettings): number {
  return Math.round(latency * (1 - jitter + 2 * jitter * unit(`latency:${page}`)))
}

/**
 * Whether this attempt at this page gets a 503. Decided by the page and the attempt number, so a
 * run meets the same failures every time and a retry usually succeeds.
 */
export function failsOn(page: string, { failures, attempt }: SiteSettings): boolean {
  return unit(`fail:${page}#${attempt}`) < failures
}
