'use client'

import dynamic from 'next/dynamic'

/**
 * Every live demo, each in a chunk of its own. Lessons import their demos from here, never from
 * the demo's module: the one lesson route reaches every lesson, and a plain import would ship all
 * demos with every lesson (Turbopack puts a route's client components in shared chunks). Rendered
 * on the server as usual; the browser loads only the chunks of the demos on the page.
 */
export const AsyncFetchDemo = dynamic(() => import('./async-fetch/async-fetch-demo').then((m) => m.AsyncFetchDemo))
export const ChooserDemo = dynamic(() => import('./chooser-demo').then((m) => m.ChooserDemo))
export const CoresDemo = dynamic(() => import('./cores-demo').then((m) => m.CoresDemo))
export const CounterDemo = dynamic(() => import('./counter-demo').then((m) => m.CounterDemo))
export const DeadlockDemo = dynamic(() => import('./deadlock-demo').then((m) => m.DeadlockDemo))
export const EventLoopClient = dynamic(() => import('./event-loop/event-loop-client').then((m) => m.EventLoopClient))
export const GilDemo = dynamic(() => import('./gil-demo').then((m) => m.GilDemo))
export const MemoryDemo = dynamic(() => import('./memory-demo').then((m) => m.MemoryDemo))
export const PipeDemo = dynamic(() => import('./pipe-demo').then((m) => m.PipeDemo))
export const PoolMapDemo = dynamic(() => import('./pool-map-demo').then((m) => m.PoolMapDemo))
export const PoolSpeedupDemo = dynamic(() => import('./pool-speedup-demo').then((m) => m.PoolSpeedupDemo))
export const ProcessDemo = dynamic(() => import('./process-demo').then((m) => m.ProcessDemo))
export const PythonClient = dynamic(() => import('./python/python-client').then((m) => m.PythonClient))
export const QueueDemo = dynamic(() => import('./queue-demo').then((m) => m.QueueDemo))
export const RaceStepperDemo = dynamic(() => import('./race-stepper-demo').then((m) => m.RaceStepperDemo))
export const ScraperDemo = dynamic(() => import('./scraper-demo').then((m) => m.ScraperDemo))
export const SemaphoreDemo = dynamic(() => import('./semaphore-demo').then((m) => m.SemaphoreDemo))
export const StartupDemo = dynamic(() => import('./startup-demo').then((m) => m.StartupDemo))
export const TasksClient = dynamic(() => import('./tasks/tasks-client').then((m) => m.TasksClient))
export const ThreadsDemo = dynamic(() => import('./threads-demo').then((m) => m.ThreadsDemo))
export const YamlDemo = dynamic(() => import('./yaml-demo').then((m) => m.YamlDemo))
