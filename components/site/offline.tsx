'use client'

import { useEffect } from 'react'
import { useOnline } from './use-online'

/**
 * Registers the service worker that keeps the course for offline use (lib/offline/sw.ts), once the
 * page has loaded, so its precaching does not compete with the page's own start. Production builds
 * only: under `next dev` a worker would serve stale pages, so any left from a production run on the
 * same origin is removed.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return
    if (process.env.NODE_ENV !== 'production') {
      void navigator.serviceWorker.getRegistrations().then((registrations) => registrations.forEach((registration) => void registration.unregister()))
      return
    }
    // The bundle is an ES module; its route allows it the whole site as scope (Service-Worker-Allowed).
    const register = () =>
      void navigator.serviceWorker
        .register('/serwist/sw.js', { scope: '/', type: 'module' })
        // Asks for a new build on every page load, not only when the browser gets round to it: a new
        // build's worker then installs beside this one and waits for its turn (lib/offline/sw.ts).
        .then(
          (registration) => {
            if (registration?.active && navigator.onLine) registration.update().catch(() => undefined)
          },
          (error: unknown) => console.warn('This site will not be kept for offline use:', error),
        )
    if (document.readyState === 'complete') register()
    else window.addEventListener('load', register, { once: true })
    return () => window.removeEventListener('load', register)
  }, [])
  return null
}

/**
 * Says so in the header while the browser is offline: the lessons still work, server demos do not.
 * The live region stays in the page, empty and taking no room while online, so going offline is
 * announced. A phone's header has no room left: there the badge is a strip under it.
 */
export function OfflineBadge() {
  const online = useOnline()
  return (
    <span role="status">
      {online ? null : (
        <span
          className="mr-3 inline-flex items-center gap-1.5 rounded-full border border-border bg-surface px-2.5 py-1 text-sm font-semibold whitespace-nowrap text-text max-[30rem]:absolute max-[30rem]:inset-x-0 max-[30rem]:top-full max-[30rem]:mr-0 max-[30rem]:justify-center max-[30rem]:rounded-none max-[30rem]:border-x-0 max-[30rem]:border-t-0 max-[30rem]:py-0.5"
          title="No network: the lessons and most demos still work on this device; demos that call the server need the network."
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
            <path d="M1.5 6a9.5 9.5 0 0 1 13 0M4 8.7a6 6 0 0 1 8 0M6.5 11.3a2.5 2.5 0 0 1 3 0M2 2l12 12" />
          </svg>
          Offline
        </span>
      )}
    </span>
  )
}
