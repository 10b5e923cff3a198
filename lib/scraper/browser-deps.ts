import { parseIndex, parseQuote } from './parse-pages'
import { HttpError, type PipelineDeps } from './pipeline'

// #region browser
/** GET one page of the sample site. The HTML comes back as text; it is parsed, never put into the page. */
async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal, cache: 'no-store' })
  const html = await response.text()
  if (!response.ok) throw new HttpError(response.status)
  return html
}

// DOMParser builds an inert document: no scripts run, no images or styles load.
const toDocument = (html: string) => new DOMParser().parseFromString(html, 'text/html')

/** What the pipeline needs from the browser: a page fetched, its HTML parsed, and the site to start from. */
export const browserDeps = (): PipelineDeps => ({
  fetchText,
  parseIndex: (html, url) => parseIndex(toDocument(html), url),
  parseQuote: (html) => parseQuote(toDocument(html)),
  base: window.location.origin,
})
// #endregion
