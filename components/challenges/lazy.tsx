'use client'

import { lazyDemo } from '@/components/demo-kit/lazy-demo'

/**
 * The interactive part of each challenge, each in a chunk of its own, loaded as demos are
 * (`lazyDemo`): when it nears the screen or is touched. Lessons import them from here.
 */
export const WriteYaml = lazyDemo(() => import('./write-yaml').then((m) => m.WriteYaml))
export const BreakIt = lazyDemo(() => import('./scheduler/break-it').then((m) => m.BreakIt))
export const PlaceLock = lazyDemo(() => import('./scheduler/place-lock').then((m) => m.PlaceLock))
