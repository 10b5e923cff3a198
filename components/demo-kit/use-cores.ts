'use client'

import { useSyncExternalStore } from 'react'
import { cpuCount } from '@/workers/limits'

const never = () => () => {}

/** The device's logical cores, `os.cpu_count()`'s browser twin; null before hydration. */
export function useCores(): number | null {
  return useSyncExternalStore(
    never,
    cpuCount,
    () => null,
  )
}
