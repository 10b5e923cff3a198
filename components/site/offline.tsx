'use client'

import { useEffect } from 'react'

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
        .catch((error: unknown) => console.warn('This site will not be kept for offline use:', error))
    if (document.readyState === 'complete') register()
    else window.addEventListener('load', register, { once: true })
    return () => window.removeEventListener('load', register)
  }, [])
  return null
}
