'use client'

import type MiniSearch from 'minisearch'
import type { SearchResult } from 'minisearch'
import { useRouter } from 'next/navigation'
import type { KeyboardEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { isTypingTarget } from './browser-events'
import { useHydrated } from './use-hydrated'
import type { SearchDocument } from '@/lib/outline'

type Hit = SearchResult & Pick<SearchDocument, 'href' | 'lesson' | 'heading' | 'text'>


/** A few words of `text` around the first match of any search term. */
function excerpt(text: string, terms: string[]) {
  const lower = text.toLowerCase()
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), text.length)
  const start = Math.max(0, at - 60)
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 160)}${start + 160 < text.length ? '…' : ''}`
}

/** Search across lessons (titles, headings, text). Opens with `/` or Ctrl-K; the index loads on first open. */
export function Search() {
  const dialog = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const index = useRef<Promise<MiniSearch<SearchDocument>> | null>(null)
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<Hit[]>([])
  const [failed, setFailed] = useState(false)
  const router = useRouter()
  const hydrated = useHydrated()

  function load() {
    index.current ??= Promise.all([import('minisearch'), fetch('/search-index.json').then((r) => r.json())]).then(
      ([{ default: Search }, documents]: [{ default: typeof MiniSearch }, SearchDocument[]]) => {
        const search = new Search<SearchDocument>({
          fields: ['lesson', 'heading', 'text'],
          storeFields: ['href', 'lesson', 'heading', 'text'],
          searchOptions: { boost: { heading: 3, lesson: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
        })
        search.addAll(documents)
        return search
      },
    )
    index.current.catch(() => {
      index.current = null
      setFailed(true)
    })
    return index.current
  }

  function open() {
    setFailed(false)
    void load()
    dialog.current?.showModal()
    input.current?.select()
  }

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      const shortcut = (event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !isTypingTarget(event.target))
      if (!shortcut || dialog.current?.open) return
      event.preventDefault()
      open()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  async function search(value: string) {
    setQuery(value)
    if (!value.trim()) return setHits([])
    const found = (await load()).search(value) as Hit[]
    setHits(found.slice(0, 8))
  }

  function go(href: string) {
    dialog.current?.close()
    router.push(href)
  }

  // ↓ from the field and ↑/↓ between results, like a menu.
  function onListKey(event: KeyboardEvent<HTMLElement>) {
    // In a search field, Escape would only clear the text; here it closes the dialog.
    if (event.key === 'Escape') {
      event.preventDefault()
      dialog.current?.close()
      return
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const links = [...(dialog.current?.querySelectorAll<HTMLAnchorElement>('.search-hit') ?? [])]
    const at = links.indexOf(document.activeElement as HTMLAnchorElement)
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1
    event.preventDefault()
    if (next < 0) input.current?.focus()
    else links[Math.min(next, links.length - 1)]?.focus()
  }

  return (
    <>
      <button
        type="button"
        className="search-button"
        onClick={open}
        disabled={!hydrated}
        aria-label="Search"
        aria-keyshortcuts="/ Control+K"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="search-button-label" aria-hidden="true">
          Search
        </span>
        <kbd aria-hidden="true">/</kbd>
      </button>
      <dialog ref={dialog} className="search-dialog" aria-label="Search lessons" onKeyDown={onListKey}>
        <form method="dialog" className="search-form" onSubmit={(event) => {
            event.preventDefault()
            if (hits[0]) go(hits[0].href)
          }}>
          <label htmlFor="search-input" className="sr-only">
            Search lessons
          </label>
          <input
            ref={input}
            id="search-input"
            type="search"
            value={query}
            placeholder="Search lessons: GIL, Pool, event loop…"
            autoComplete="off"
            onChange={(event) => void search(event.target.value)}
            className="search-input"
          />
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </form>
        <p role="status" className="search-count">
          {failed ? 'The search index could not be loaded.' : query.trim() ? `${hits.length ? hits.length : 'No'} result${hits.length === 1 ? '' : 's'}` : ''}
        </p>
        {hits.length ? (
          <ul className="search-hits">
            {hits.map((hit) => (
              <li key={hit.id}>
                <a
                  href={hit.href}
                  className="search-hit"
                  onClick={(event) => {
                    event.preventDefault()
                    go(hit.href)
                  }}
                >
                  <span className="search-hit-lesson">{hit.lesson}</span>
                  <span className="search-hit-heading">{hit.heading}</span>
                  <span className="search-hit-text">{excerpt(hit.text, hit.terms)}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </dialog>
    </>
  )
}
