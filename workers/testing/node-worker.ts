/**
 * Runs a worker module of this repository in a real Node `worker_threads` thread, for unit tests:
 * real parallelism, real `terminate()`, real structured cloning and `Atomics.wait`, as in a browser.
 * The module and its relative imports are transpiled (TypeScript's `transpileModule`) into
 * `node_modules/.cache`, and the thread gets the few worker globals Comlink's `expose` uses.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import nodeEndpoint from 'comlink/dist/esm/node-adapter'
import ts from 'typescript'
import type { WorkerLike } from '../page/worker-group'

const root = path.resolve(__dirname, '../..')
const comlink = path.join(root, 'node_modules/comlink/dist/esm/comlink.mjs')

/** Makes a worker thread look like a dedicated Web Worker's global scope, as far as Comlink needs. */
const bootstrap = `
import { parentPort, workerData } from 'node:worker_threads'
const listeners = new Map()
globalThis.addEventListener = (type, handler) => {
  if (type !== 'message') return
  const listener = (data) => handler({ data })
  listeners.set(handler, listener)
  parentPort.on('message', listener)
}
globalThis.removeEventListener = (type, handler) => {
  const listener = listeners.get(handler)
  if (listener) parentPort.off('message', listener)
}
globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer)
await import(workerData.entry)
`

function writeAtomically(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}

/** Transpiles `entry` and every module it imports relatively, beside a bootstrap; returns their paths. */
function transpileGraph(entry: string): { bootstrap: string; entry: string } {
  const sources = new Map<string, string>()
  const pending = [path.resolve(root, entry)]
  while (pending.length) {
    const file = pending.pop()!
    if (sources.has(file)) continue
    const source = readFileSync(file, 'utf8')
    sources.set(file, source)
    for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      pending.push(path.resolve(path.dirname(file), `${spec}.ts`))
    }
  }
  const hash = createHash('sha256')
  for (const [file, source] of sources) hash.update(file).update(source)
  const outDir = path.join(root, 'node_modules/.cache/node-workers', hash.digest('hex').slice(0, 16))
  for (const [file, source] of sources) {
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    })
    const rewritten = outputText
      .replace(/(from\s*|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g, "$1'$2.mjs'")
      .replace(/(from\s*)'comlink'/g, `$1${JSON.stringify(comlink)}`)
    writeAtomically(path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.mjs'), rewritten)
  }
  writeAtomically(path.join(outDir, 'bootstrap.mjs'), bootstrap)
  return { bootstrap: path.join(outDir, 'bootstrap.mjs'), entry: path.join(outDir, entry).replace(/\.ts$/, '.mjs') }
}

const compiledOnce = new Map<string, ReturnType<typeof transpileGraph>>()

/** Starts `entry` (a path from the repository root, e.g. `workers/entry/pool.worker.ts`) in a worker thread. */
export function nodeWorker(entry: string): WorkerLike {
  const compiled = compiledOnce.get(entry) ?? transpileGraph(entry)
  compiledOnce.set(entry, compiled)
  const worker = new Worker(compiled.bootstrap, { workerData: { entry: compiled.entry } })
  worker.on('error', (error) => console.error(`worker ${entry} failed:`, error))
  return Object.assign(nodeEndpoint(worker), { terminate: () => void worker.terminate() })
}
