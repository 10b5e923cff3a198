'use client'

import { useSyncExternalStore } from 'react'

const never = () => () => {}

/** False in the server HTML and until hydration: a button that needs React is disabled until then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
