'use client'

import { lazyDemo } from '@/components/demo-kit/lazy-demo'

/**
 * The interactive part of each challenge, each in a chunk of its own, loaded as demos are
 * (`lazyDemo`): when it nears the screen or is touched. Lessons import them from here.
 */
export const WriteYaml = lazyDemo(() => import('./write-yaml').then((m) => m.WriteYaml))
export const BreakIt = lazyDemo(() => import('./scheduler/break-it').then((m) => m.BreakIt))
export const PlaceLock = lazyDemo(() => import('./scheduler/place-lock').then((m) => m.PlaceLock))
export const PredictCores = lazyDemo(() => import('./predict-cores').then((m) => m.PredictCores))
export const PickModels = lazyDemo(() => import('./pick-models').then((m) => m.PickModels))
export const PredictPoolSpeedup = lazyDemo(() => import('./pool-challenges').then((m) => m.PredictPoolSpeedup))
export const BeatPoolTarget = lazyDemo(() => import('./pool-challenges').then((m) => m.BeatPoolTarget))
export const PipeProgramChallenge = lazyDemo(() => import('./process-challenges').then((m) => m.PipeProgramChallenge))
export const QueueSentinels = lazyDemo(() => import('./process-challenges').then((m) => m.QueueSentinels))
export const PredictGil = lazyDemo(() => import('./predict-gil').then((m) => m.PredictGil))
export const ConfigureScraper = lazyDemo(() => import('./configure-scraper').then((m) => m.ConfigureScraper))
export const WriteAsyncio = lazyDemo(() => import('./write-asyncio').then((m) => m.WriteAsyncio))
