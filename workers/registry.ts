import type { CoresApi } from './cores.worker'
import type { PipeApi } from './pipe.worker'
import type { PoolApi } from './pool.worker'
import type { ProcessApi } from './process.worker'
import type { QueueApi } from './queue.worker'
import type { CounterApi } from './counter.worker'
import type { DeadlockApi } from './deadlock.worker'
import type { GilApi } from './gil.worker'
import type { MemoryApi } from './memory.worker'
import type { SemaphoreApi } from './semaphore.worker'
import type { StartupApi } from './startup.worker'
import type { ThreadsApi } from './threads.worker'
import type { PythonApi } from './python.worker'

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
  cores: () => typed<CoresApi>(new Worker(new URL('./cores.worker.ts', import.meta.url), { type: 'module', name: 'cores' })),
  pool: () => typed<PoolApi>(new Worker(new URL('./pool.worker.ts', import.meta.url), { type: 'module', name: 'pool' })),
  process: () => typed<ProcessApi>(new Worker(new URL('./process.worker.ts', import.meta.url), { type: 'module', name: 'process' })),
  pipe: () => typed<PipeApi>(new Worker(new URL('./pipe.worker.ts', import.meta.url), { type: 'module', name: 'pipe' })),
  queue: () => typed<QueueApi>(new Worker(new URL('./queue.worker.ts', import.meta.url), { type: 'module', name: 'queue' })),
  threads: () => typed<ThreadsApi>(new Worker(new URL('./threads.worker.ts', import.meta.url), { type: 'module', name: 'threads' })),
  counter: () => typed<CounterApi>(new Worker(new URL('./counter.worker.ts', import.meta.url), { type: 'module', name: 'counter' })),
  semaphore: () => typed<SemaphoreApi>(new Worker(new URL('./semaphore.worker.ts', import.meta.url), { type: 'module', name: 'semaphore' })),
  deadlock: () => typed<DeadlockApi>(new Worker(new URL('./deadlock.worker.ts', import.meta.url), { type: 'module', name: 'deadlock' })),
  gil: () => typed<GilApi>(new Worker(new URL('./gil.worker.ts', import.meta.url), { type: 'module', name: 'gil' })),
  startup: () => typed<StartupApi>(new Worker(new URL('./startup.worker.ts', import.meta.url), { type: 'module', name: 'startup' })),
  memory: () => typed<MemoryApi>(new Worker(new URL('./memory.worker.ts', import.meta.url), { type: 'module', name: 'memory' })),
  python: () => typed<PythonApi>(new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module', name: 'python' })),
} satisfies Record<string, () => Worker>

export type WorkerKind = keyof typeof spawners
export type ApiOf<K extends WorkerKind> = ReturnType<(typeof spawners)[K]> extends TypedWorker<infer Api> ? Api : never
