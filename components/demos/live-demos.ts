// Written by scripts/demo-list.ts from the names of the demos' files (npm run dev and npm run build
// run it). Never edit it by hand: name a demo's module x-demo.tsx, exporting XDemo.

/** Each demo's component by id, each in a chunk of its own. */
export const liveDemos = {
  'async-fetch': () => import('./async-fetch-demo').then((m) => m.AsyncFetchDemo),
  'chooser': () => import('./chooser-demo').then((m) => m.ChooserDemo),
  'cores': () => import('./cores-demo').then((m) => m.CoresDemo),
  'counter': () => import('./counter-demo').then((m) => m.CounterDemo),
  'deadlock': () => import('./deadlock-demo').then((m) => m.DeadlockDemo),
  'event-loop': () => import('./event-loop/event-loop-client').then((m) => m.EventLoopClient),
  'gil': () => import('./gil-demo').then((m) => m.GilDemo),
  'memory': () => import('./memory-demo').then((m) => m.MemoryDemo),
  'pipe': () => import('./pipe-demo').then((m) => m.PipeDemo),
  'pool-map': () => import('./pool-map-demo').then((m) => m.PoolMapDemo),
  'pool-speedup': () => import('./pool-speedup-demo').then((m) => m.PoolSpeedupDemo),
  'process': () => import('./process-demo').then((m) => m.ProcessDemo),
  'python': () => import('./python/python-client').then((m) => m.PythonClient),
  'queue': () => import('./queue-demo').then((m) => m.QueueDemo),
  'race-stepper': () => import('./race-stepper-demo').then((m) => m.RaceStepperDemo),
  'scraper': () => import('./scraper-demo').then((m) => m.ScraperDemo),
  'semaphore': () => import('./semaphore-demo').then((m) => m.SemaphoreDemo),
  'startup': () => import('./startup-demo').then((m) => m.StartupDemo),
  'tasks': () => import('./tasks/tasks-client').then((m) => m.TasksClient),
  'threads': () => import('./threads-demo').then((m) => m.ThreadsDemo),
  'yaml': () => import('./yaml-demo').then((m) => m.YamlDemo),
}
