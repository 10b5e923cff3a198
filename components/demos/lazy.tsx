'use client'

import { lazyDemo } from '@/components/demo-kit/lazy-demo'

/**
 * Every live demo, each in a chunk of its own. Lessons import their demos from here, never from
 * the demo's module: the one lesson route reaches every lesson, and a plain import would ship all
 * demos with every lesson (Turbopack puts a route's client components in shared chunks). Rendered
 * whole on the server; the browser loads a demo's chunk only when the demo nears the screen, is
 * touched, or is named by a preset link (see `lazyDemo`).
 */
export const AsyncFetchDemo = lazyDemo(() => import('./async-fetch/async-fetch-demo').then((m) => m.AsyncFetchDemo))
export const ChooserDemo = lazyDemo(() => import('./chooser-demo').then((m) => m.ChooserDemo))
export const CoresDemo = lazyDemo(() => import('./cores-demo').then((m) => m.CoresDemo))
export const CounterDemo = lazyDemo(() => import('./counter-demo').then((m) => m.CounterDemo))
export const DeadlockDemo = lazyDemo(() => import('./deadlock-demo').then((m) => m.DeadlockDemo))
export const EventLoopClient = lazyDemo(() => import('./event-loop/event-loop-client').then((m) => m.EventLoopClient))
export const GilDemo = lazyDemo(() => import('./gil-demo').then((m) => m.GilDemo))
export const MemoryDemo = lazyDemo(() => import('./memory-demo').then((m) => m.MemoryDemo))
export const PipeDemo = lazyDemo(() => import('./pipe-demo').then((m) => m.PipeDemo))
export const PoolMapDemo = lazyDemo(() => import('./pool-map-demo').then((m) => m.PoolMapDemo))
export const PoolSpeedupDemo = lazyDemo(() => import('./pool-speedup-demo').then((m) => m.PoolSpeedupDemo))
export const ProcessDemo = lazyDemo(() => import('./process-demo').then((m) => m.ProcessDemo))
export const PythonClient = lazyDemo(() => import('./python/python-client').then((m) => m.PythonClient))
export const QueueDemo = lazyDemo(() => import('./queue-demo').then((m) => m.QueueDemo))
export const RaceStepperDemo = lazyDemo(() => import('./race-stepper-demo').then((m) => m.RaceStepperDemo))
export const ScraperDemo = lazyDemo(() => import('./scraper-demo').then((m) => m.ScraperDemo))
export const SemaphoreDemo = lazyDemo(() => import('./semaphore-demo').then((m) => m.SemaphoreDemo))
export const StartupDemo = lazyDemo(() => import('./startup-demo').then((m) => m.StartupDemo))
export const TasksClient = lazyDemo(() => import('./tasks/tasks-client').then((m) => m.TasksClient))
export const ThreadsDemo = lazyDemo(() => import('./threads-demo').then((m) => m.ThreadsDemo))
export const YamlDemo = lazyDemo(() => import('./yaml-demo').then((m) => m.YamlDemo))
