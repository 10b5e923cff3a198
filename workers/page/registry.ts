import type { CoresApi } from '../entry/cores.worker'
import type { PipeApi } from '../entry/pipe.worker'
import type { PoolApi } from '../entry/pool.worker'
import type { ProcessApi } from '../entry/process.worker'
import type { QueueApi } from '../entry/queue.worker'
import type { CounterApi } from '../entry/counter.worker'
import type { DeadlockApi } from '../entry/deadlock.worker'
import type { GilApi } from '../entry/gil.worker'
import type { MemoryApi } from '../entry/memory.worker'
import type { SemaphoreApi } from '../entry/semaphore.worker'
import type { StartupApi } from '../entry/startup.worker'
import type { ThreadsApi } from '../entry/threads.worker'
import type { PythonApi } from '../entry/python.worker'

/** A Worker tagged with the Comlink API its module exposes (type-level only). */
export type TypedWorker<Api> = Worker & { readonly __api?: Api }
const typed = <Api>(worker: Worker) => worker as TypedWorker<Api>

/**
 * Every kind of Web Worker the site starts. `useWorkers(kind)` is the only caller: it owns the
 * workers it creates and terminates them on Stop and when the page unmounts.
 * The bundler only emits a worker chunk for `new Worker(new URL('…', import.meta.url))` written out
 * literally, so each kind gets its own line here.
 */
export const spawners = {
  cores: () => typed<CoresApi>(new Worker(new URL('../entry/cores.worker.ts', import.meta.url), { type: 'module', name: 'cores' })),
  pool: () => typed<PoolApi>(new Worker(new URL('../entry/pool.worker.ts', import.meta.url), { type: 'module', name: 'pool' })),
  process: () => typed<ProcessApi>(new Worker(new URL('../entry/process.worker.ts', import.meta.url), { type: 'module', name: 'process' })),
  pipe: () => typed<PipeApi>(new Worker(new URL('../entry/pipe.worker.ts', import.meta.url), { type: 'module', name: 'pipe' })),
  queue: () => typed<QueueApi>(new Worker(new URL('../entry/queue.worker.ts', import.meta.url), { type: 'module', name: 'queue' })),
  threads: () => typed<ThreadsApi>(new Worker(new URL('../entry/threads.worker.ts', import.meta.url), { type: 'module', name: 'threads' })),
  counter: () => typed<CounterApi>(new Worker(new URL('../entry/counter.worker.ts', import.meta.url), { type: 'module', name: 'counter' })),
  semaphore: () => typed<SemaphoreApi>(new Worker(new URL('../entry/semaphore.worker.ts', import.meta.url), { type: 'module', name: 'semaphore' })),
  deadlock: () => typed<DeadlockApi>(new Worker(new URL('../entry/deadlock.worker.ts', import.meta.url), { type: 'module', name: 'deadlock' })),
  gil: () => typed<GilApi>(new Worker(new URL('../entry/gil.worker.ts', import.meta.url), { type: 'module', name: 'gil' })),
  startup: () => typed<StartupApi>(new Worker(new URL('../entry/startup.worker.ts', import.meta.url), { type: 'module', name: 'startup' })),
  memory: () => typed<MemoryApi>(new Worker(new URL('../entry/memory.worker.ts', import.meta.url), { type: 'module', name: 'memory' })),
  python: () => typed<PythonApi>(new Worker(new URL('../entry/python.worker.ts', import.meta.url), { type: 'module', name: 'python' })),
} satisfies Record<string, () => Worker>

export type WorkerKind = keyof typeof spawners
export type ApiOf<K extends WorkerKind> = ReturnType<(typeof spawners)[K]> extends TypedWorker<infer Api> ? Api : never
