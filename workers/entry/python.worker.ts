import { expose } from 'comlink'
import type { PyodideAPI } from 'pyodide'
import { version } from 'pyodide/package.json'
import { traceAsyncio, type AsyncioTrace } from '../inside/asyncio-trace'
import { reporter } from '../inside/reporter'
import type { AsyncioCheck, AsyncioVerdict } from '@/components/challenges/asyncio-check'
import { judgeAsyncio } from '../inside/asyncio-judge'

/**
 * Where the build copies Pyodide (scripts/copy-pyodide.mjs): the site's own files, never a CDN,
 * under their version, so that the browser may keep them for good.
 */
const indexURL = new URL(`/pyodide/${version}/`, self.location.origin).href

/** What copy-pyodide.mjs wrote beside the files: bytes to download, and the memory snapshot if it made one. */
type Manifest = { version: string; download: number; snapshot: { download: number; memory: number } | null }

export type LoadProgress = {
  phase: 'download' | 'start'
  /** Bytes of the interpreter and standard library received so far, and in all. */
  loaded: number
  total: number
}
export type Stream = 'stdout' | 'stderr'
export type PythonFailure = { type: string; message: string }
export type RunOutcome = { ms: number; error: PythonFailure | null; truncated: boolean }

/** Most lines one run may print; past this the rest are dropped, so a runaway loop cannot flood the page. */
const maxLines = 5000

let pyodide: Promise<PyodideAPI> | null = null
/** Everyone waiting for the load (a page may start it ahead of a run), and what they were last told. */
const listeners = new Set<(progress: LoadProgress) => void>()
let lastProgress: LoadProgress | null = null
function tell(progress: LoadProgress) {
  lastProgress = progress
  for (const listener of listeners) listener(progress)
}

/**
 * Counts the bytes of Pyodide's own downloads as they arrive: `fetch` is wrapped only for files
 * under indexURL, and a copy of each body is read for the count. The response itself goes on
 * untouched, still the browser's, so the WebAssembly compiles while streaming and its compiled code
 * is cached with it.
 */
function countDownloads(total: number, report: (loaded: number) => void) {
  const original = globalThis.fetch
  let loaded = 0
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init)
    const url = input instanceof Request ? input.url : String(input)
    if (!url.startsWith(indexURL) || !response.body) return response
    void response
      .clone()
      .body!.pipeTo(
        new WritableStream({
          write(chunk: Uint8Array) {
            loaded += chunk.byteLength
            report(Math.min(loaded, total))
          },
        }),
      )
      .catch(() => undefined)
    return response
  }
  return () => {
    globalThis.fetch = original
  }
}

type LoadPyodide = typeof import('pyodide').loadPyodide
type CreateModule = NonNullable<NonNullable<Parameters<LoadPyodide>[0]>['createPyodideModule']>
/** The fields of Pyodide's Emscripten module that locate CPython's trampoline. */
type RuntimeFields = { HEAP32: Int32Array; __PyRuntime: number; __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET: number }

/** The memory snapshot the build made (scripts/pyodide-snapshot.mjs), gzipped as it is served. */
async function fetchSnapshot() {
  const response = await fetch(`${indexURL}snapshot.bin.gz`)
  if (!response.ok || !response.body) throw new Error(`snapshot.bin.gz: ${response.status}`)
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
}

/**
 * Starts Python from the memory snapshot the build made in Node: the interpreter as it stood once
 * started, restored instead of started again. The WebAssembly compiles while the snapshot downloads:
 * loadPyodide is handed a blank heap of the snapshot's size, and the real bytes are put in when the
 * module is ready. One field of that memory belongs to the browser, not to Python: the trampoline
 * through which CPython calls functions, which Emscripten set up for this engine before the restore
 * would overwrite it with Node's. It is kept across the restore; without it the first `await` that
 * suspends WebAssembly fails.
 */
async function fromSnapshot(loadPyodide: LoadPyodide, emscripten: Promise<{ default: CreateModule }>, snapshot: Promise<Uint8Array>, memory: number) {
  // Private parts of Pyodide (`_loadSnapshot`, the module's own fields): tied to this exact version,
  // as the snapshot is. Anything amiss throws, and load() starts Python afresh.
  const { default: create } = await emscripten
  const createPyodideModule: CreateModule = async (settings) => {
    const emscriptenModule = await create(settings)
    const bytes = await snapshot
    const { HEAP32, __PyRuntime, __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET } = emscriptenModule as unknown as RuntimeFields
    const at = (__PyRuntime + HEAP32[__PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET / 4]!) / 4
    if (!Number.isInteger(at) || bytes.length !== memory) throw new Error('The snapshot does not fit this Pyodide.')
    const restoreSnapshot = emscriptenModule.API.restoreSnapshot
    emscriptenModule.API.restoreSnapshot = () => {
      const trampoline = HEAP32[at]!
      const config = restoreSnapshot(bytes)
      HEAP32[at] = trampoline
      return config
    }
    return emscriptenModule
  }
  const py = await loadPyodide({ indexURL, _loadSnapshot: new Uint8Array(memory), createPyodideModule })
  // Every restore would otherwise draw the same random numbers as the snapshot's first run.
  py.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()")
  return py
}

// #region run
const api = {
  /** Downloads and starts CPython (once per worker), reporting progress as it goes; returns the Python version. */
  async load(onProgress: (progress: LoadProgress) => void): Promise<{ python: string; pyodide: string }> {
    listeners.add(onProgress)
    if (lastProgress) onProgress(lastProgress)
    pyodide ??= (async () => {
      const manifest = (await (await fetch(`${indexURL}manifest.json`)).json()) as Manifest
      const total = manifest.download + (manifest.snapshot?.download ?? 0)
      let last = 0
      const restore = countDownloads(total, (loaded) => {
        if (performance.now() - last < 100 && loaded < total) return
        last = performance.now()
        tell({ phase: loaded < total ? 'download' : 'start', loaded, total })
      })
      tell({ phase: 'download', loaded: 0, total })
      try {
        // The snapshot downloads while the loader's own scripts do.
        const snapshot = manifest.snapshot && {
          bytes: fetchSnapshot(),
          memory: manifest.snapshot.memory,
          emscripten: import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${indexURL}pyodide.asm.mjs`) as Promise<{ default: CreateModule }>,
        }
        snapshot?.bytes.catch(() => undefined)
        snapshot?.emscripten.catch(() => undefined)
        const { loadPyodide } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${indexURL}pyodide.mjs`)) as typeof import('pyodide')
        const py = snapshot
          ? await fromSnapshot(loadPyodide, snapshot.emscripten, snapshot.bytes, snapshot.memory).catch((error: unknown) => {
              console.warn('Starting Python from its snapshot failed; starting it afresh.', error)
              return loadPyodide({ indexURL })
            })
          : await loadPyodide({ indexURL })
        // Pyodide's time.sleep lets the browser's event loop run; keep it to restore after each run.
        py.runPython('import time\n_sleep = time.sleep', { globals: lab(py) })
        return py
      } finally {
        restore()
        lastProgress = null
      }
    })()
    const py = await pyodide
      .catch((error: unknown) => {
        pyodide = null
        throw error
      })
      .finally(() => listeners.delete(onProgress))
    onProgress({ phase: 'start', loaded: 1, total: 1 })
    return { python: py.runPython('import sys; sys.version.split()[0]') as string, pyodide: py.version }
  },

  /** Runs a learner's program for an asyncio challenge on a virtual clock, and judges what it did. */
  async judge(check: AsyncioCheck, code: string, start: string): Promise<AsyncioVerdict> {
    if (!pyodide) throw new Error('Load Python first.')
    return judgeAsyncio(await pyodide, check, code, start)
  },

  /** Runs a program as `__main__` and streams each line it prints; a Python exception is returned, not thrown. */
  async run(code: string, onOutput: (stream: Stream, line: string) => unknown): Promise<RunOutcome> {
    if (!pyodide) throw new Error('Load Python first.')
    const py = await pyodide
    let lines = 0
    let truncated = false
    const { report: output, flush } = reporter(onOutput)
    const emit = (stream: Stream) => (line: string) => {
      if (++lines <= maxLines) output(stream, line)
      else truncated = true
    }
    py.setStdout({ batched: emit('stdout') })
    py.setStderr({ batched: emit('stderr') })
    // A fresh namespace each run, and the sleep a previous run may have replaced put back.
    py.runPython('import time\ntime.sleep = _sleep', { globals: lab(py) })
    const globals = py.toPy({ __name__: '__main__' })
    const started = performance.now()
    let outcome: RunOutcome
    try {
      await py.runPythonAsync(code, { globals, filename: 'main.py' })
      outcome = { ms: performance.now() - started, error: null, truncated }
    } catch (error) {
      if (!(error instanceof Error) || !('type' in error)) throw error
      // A PythonError: its message is the whole traceback.
      for (const line of error.message.trimEnd().split('\n')) emit('stderr')(line)
      // The traceback ends with "Type: message", which may run on over more lines.
      const lines = error.message.trimEnd().split('\n')
      const type = String(error.type)
      const message = lines.findLast((line) => line.startsWith(`${type}:`)) ?? lines.at(-1) ?? type
      outcome = { ms: performance.now() - started, error: { type, message }, truncated }
    } finally {
      globals.destroy()
      py.setStdout({})
      py.setStderr({})
    }
    // Every printed line reaches the page before the outcome does.
    await flush()
    return outcome
  },

  /** Runs an asyncio program under an instrumented event loop on a virtual clock, and returns every step the loop took. */
  async trace(code: string): Promise<AsyncioTrace> {
    if (!pyodide) throw new Error('Load Python first.')
    return traceAsyncio(await pyodide, code)
  },
}
// #endregion

/** A namespace of the demo's own, apart from the learner's. */
let labGlobals: ReturnType<PyodideAPI['toPy']> | null = null
function lab(py: PyodideAPI) {
  labGlobals ??= py.toPy({})
  return labGlobals
}

export type PythonApi = typeof api
expose(api)
