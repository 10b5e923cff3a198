import type { CoresApi } from './cores.worker'
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
  python: () => typed<PythonApi>(new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module', name: 'python' })),
} satisfies Record<string, () => Worker>

export type WorkerKind = keyof typeof spawners
export type ApiOf<K extends WorkerKind> = ReturnType<(typeof spawners)[K]> extends TypedWorker<infer Api> ? Api : never
