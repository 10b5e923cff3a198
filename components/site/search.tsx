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
    const links = [...(dialog.current?.querySelectorAll<HTMLAnchorElement>('li > a') ?? [])]
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
        className="ml-auto inline-flex cursor-pointer items-center gap-2 rounded-box border border-border bg-surface py-[0.4rem] pr-2 pl-[0.8rem] text-ui text-muted hover:text-text"
        onClick={open}
        disabled={!hydrated}
        aria-label="Search"
        aria-keyshortcuts="/ Control+K"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="max-xs:hidden" aria-hidden="true">
          Search
        </span>
        <kbd aria-hidden="true" className="rounded-[0.3rem] border border-border bg-bg px-[0.4rem] font-mono text-tag max-xs:hidden">
          /
        </kbd>
      </button>
      <dialog
        ref={dialog}
        className="mx-auto mt-16 mb-auto max-h-[min(36rem,calc(100vh-4rem))] w-[min(40rem,calc(100vw-2rem))] rounded-card border border-border bg-bg p-4 text-text shadow-[0_20px_60px_rgb(0_0_0/0.35)] backdrop:bg-[rgb(5_8_20/0.55)]"
        aria-label="Search lessons"
        onKeyDown={onListKey}
      >
        <form method="dialog" className="flex gap-[0.6rem]" onSubmit={(event) => {
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
            className="min-h-11 flex-1 rounded-box border border-border bg-surface px-[0.8rem] py-2 text-prose text-text"
          />
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </form>
        <p role="status" className="mx-[0.2rem] my-[0.6rem] min-h-[1.4rem] text-code text-muted">
          {failed ? 'The search index could not be loaded.' : query.trim() ? `${hits.length ? hits.length : 'No'} result${hits.length === 1 ? '' : 's'}` : ''}
        </p>
        {hits.length ? (
          <ul className="grid gap-[0.4rem]">
            {hits.map((hit) => (
              <li key={hit.id}>
                <a
                  href={hit.href}
                  className="grid gap-[0.1rem] rounded-box border border-border px-[0.8rem] py-[0.65rem] text-text no-underline hover:border-accent hover:bg-accent-soft focus-visible:border-accent focus-visible:bg-accent-soft"
                  onClick={(event) => {
                    event.preventDefault()
                    go(hit.href)
                  }}
                >
                  <span className="text-label font-bold tracking-[0.05em] text-accent uppercase">{hit.lesson}</span>
                  <span className="font-demi">{hit.heading}</span>
                  <span className="text-code text-muted">{excerpt(hit.text, hit.terms)}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </dialog>
    </>
  )
}
