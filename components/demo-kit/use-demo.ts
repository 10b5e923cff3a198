'use client'

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useOnline } from '@/components/site/use-online'
import {
  defaultRaws,
  parseAll,
  presetFromSearch,
  type ControlSpecs,
  type RawValues,
  type Values,
} from './controls'

export type DemoState = 'idle' | 'running' | 'done' | 'error'

export type RunContext = {
  /** Aborts on Stop and on unmount. Pass it to `fetch`, `workers.spawn`, waits… */
  signal: AbortSignal
}

/** What a finished run reports: key figures (→ `data-result`) and one sentence (→ `role="status"`). */
export type Outcome<R> = { result: R; summary: string }

export type DemoOptions<C extends ControlSpecs, R> = {
  /** The demo's public id: `data-demo`, and `?demo=<id>` in preset links. */
  id: string
  /** Define at module level: a new object on every render would reset the demo. */
  controls: C
  run: (values: Values<C>, context: RunContext) => Promise<Outcome<R>>
  /** The demo shares memory between workers (SharedArrayBuffer): it cannot run unless the page is cross-origin isolated. */
  requiresIsolation?: boolean
  /** The demo sends requests to this site's server (/api/…, /sample/…): offline, it says so instead of running. */
  requiresNetwork?: boolean
}

export const isolationMessage =
  'This demo shares memory between workers with SharedArrayBuffer, which browsers only allow on cross-origin isolated pages. ' +
  'This page is not isolated (is it embedded in another site?). Open it directly on Concurrency Lab to run it.'

/** The note a demo that needs the server shows while offline; Run then stops at `offlineRefusal`. */
export const networkMessage =
  'This demo sends real requests to this site’s server, so it needs the network. You are offline: the rest of the lesson works; ' +
  'reconnect to run this demo.'
const offlineRefusal = 'Not run: you are offline, and this demo needs the network.'

/** Rejects when the signal aborts. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))
}

const noSubscription = () => () => {}
/** The page's query string; null while hydrating, so server and client first render the same defaults. */
const useSearch = () =>
  useSyncExternalStore(
    noSubscription,
    () => window.location.search,
    () => null,
  )
const useIsolated = () =>
  useSyncExternalStore(
    noSubscription,
    () => globalThis.crossOriginIsolated === true,
    () => true,
  )

/**
 * Calls back once the page has loaded and its main thread is idle (at most 2 s after the load
 * event). A demo that starts the moment it hydrates shares the cores with the page's own start-up:
 * a one-worker baseline measured then ran about a quarter slower. Returns a cancel function.
 */
function afterPageSettles(callback: () => void): () => void {
  let idle: number | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const whenIdle = () => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(callback, { timeout: 2000 })
    else timer = setTimeout(callback, 100)
  }
  if (document.readyState === 'complete') whenIdle()
  else window.addEventListener('load', whenIdle, { once: true })
  return () => {
    window.removeEventListener('load', whenIdle)
    if (idle !== undefined) cancelIdleCallback(idle)
    clearTimeout(timer)
  }
}

/**
 * The life of one demo: its controls (raw text, parsed and checked), its state, and its runs.
 * A run starts only when every control is valid; Stop aborts the run's signal; unmounting stops it.
 */
export function useDemo<C extends ControlSpecs, R>({ id, controls, run, requiresIsolation = false, requiresNetwork = false }: DemoOptions<C, R>) {
  const [raws, setRaws] = useState<RawValues<C>>(() => defaultRaws(controls))
  const [state, setState] = useState<DemoState>('idle')
  const [outcome, setOutcome] = useState<Outcome<R> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const isolated = useIsolated() || !requiresIsolation
  const reachable = useOnline() || !requiresNetwork
  const controller = useRef<AbortController | null>(null)
  const runRef = useRef(run)
  useEffect(() => {
    runRef.current = run
  })

  // A link like ?demo=<id>&workers=4 presets this demo's controls, once, right after hydration.
  const search = useSearch()
  const [seenSearch, setSeenSearch] = useState<string | null>(null)
  const preset = useMemo(() => (search === null ? null : presetFromSearch(search, id, controls)), [search, id, controls])
  if (search !== seenSearch) {
    setSeenSearch(search)
    if (preset) {
      setRaws({ ...defaultRaws(controls), ...preset.raws })
      if (preset.unknown.length) {
        setNotice(`This link sets ${preset.unknown.join(', ')}, which this demo does not have; ignored.`)
      }
    }
  }

  const { values, errors } = useMemo(() => parseAll(controls, raws), [controls, raws])

  const setRaw = useCallback((name: keyof C, raw: string) => setRaws((prev) => ({ ...prev, [name]: raw })), [])

  const start = useCallback(
    async (current: RawValues<C>) => {
      const parsed = parseAll(controls, current)
      if (!parsed.values) {
        setNotice('Fix the highlighted values, then run again.')
        return
      }
      if (requiresIsolation && !globalThis.crossOriginIsolated) {
        setState('error')
        setError(isolationMessage)
        return
      }
      // One plain message, not a failed request per fetch.
      if (requiresNetwork && !navigator.onLine) {
        setState('error')
        setError(offlineRefusal)
        return
      }
      controller.current?.abort()
      const mine = new AbortController()
      controller.current = mine
      setNotice(null)
      setError(null)
      setOutcome(null)
      setState('running')
      try {
        // Stop ends the run at once: work awaited inside a terminated worker would never settle.
        const result = await Promise.race([runRef.current(parsed.values, { signal: mine.signal }), aborted(mine.signal)])
        if (controller.current !== mine) return
        mine.signal.throwIfAborted()
        setOutcome(result)
        setState('done')
      } catch (cause) {
        if (controller.current !== mine) return
        if (mine.signal.aborted) {
          setState('idle')
          setNotice('Stopped.')
        } else {
          setState('error')
          setError(cause instanceof Error ? cause.message : String(cause))
        }
      } finally {
        if (controller.current === mine) controller.current = null
      }
    },
    [controls, requiresIsolation, requiresNetwork],
  )

  const stop = useCallback(() => controller.current?.abort(), [])

  // `&run=1` in a preset link starts the demo once the page has loaded and gone quiet.
  const autorun = preset?.run ? preset.raws : null
  useEffect(() => {
    if (!autorun) return
    return afterPageSettles(() => void start({ ...defaultRaws(controls), ...autorun }))
  }, [autorun, controls, start])

  // Leaving the page stops the run: its signal aborts, which terminates its workers and requests.
  useEffect(() => () => controller.current?.abort(), [])

  return {
    id,
    controls,
    raws,
    setRaw,
    values,
    errors,
    state,
    outcome,
    error,
    notice,
    isolated,
    /** False while offline, for a demo that needs the server. */
    reachable,
    /** The page was opened with a link to this demo. */
    linked: preset !== null,
    run: () => start(raws),
    stop,
  }
}

export type DemoHandle<C extends ControlSpecs = ControlSpecs, R = unknown> = ReturnType<typeof useDemo<C, R>>
