import { expose } from 'comlink'
import type { PyodideAPI } from 'pyodide'
import { reporter } from '../inside/reporter'

/** Where the build copies Pyodide (scripts/copy-pyodide.mjs): the site's own files, never a CDN. */
const indexURL = new URL('/pyodide/', self.location.origin).href

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

/**
 * Counts the bytes of Pyodide's own downloads as it reads them: `fetch` is wrapped only for files
 * under indexURL, and each body is passed through untouched (wasm still compiles while streaming).
 */
function countDownloads(total: number, report: (loaded: number) => void) {
  const original = globalThis.fetch
  let loaded = 0
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init)
    const url = input instanceof Request ? input.url : String(input)
    if (!url.startsWith(indexURL) || !response.body) return response
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength
        report(Math.min(loaded, total))
        controller.enqueue(chunk)
      },
    })
    return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers })
  }
  return () => {
    globalThis.fetch = original
  }
}

// #region run
const api = {
  /** Downloads and starts CPython (once per worker), reporting progress as it goes; returns the Python version. */
  async load(onProgress: (progress: LoadProgress) => void): Promise<{ python: string; pyodide: string }> {
    pyodide ??= (async () => {
      const manifest = (await (await fetch(`${indexURL}manifest.json`)).json()) as { version: string; download: number }
      let last = 0
      const restore = countDownloads(manifest.download, (loaded) => {
        if (performance.now() - last < 100 && loaded < manifest.download) return
        last = performance.now()
        onProgress({ phase: loaded < manifest.download ? 'download' : 'start', loaded, total: manifest.download })
      })
      onProgress({ phase: 'download', loaded: 0, total: manifest.download })
      try {
        const { loadPyodide } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${indexURL}pyodide.mjs`)) as typeof import('pyodide')
        const py = await loadPyodide({ indexURL })
        // Pyodide's time.sleep lets the browser's event loop run; keep it to restore after each run.
        py.runPython('import time\n_sleep = time.sleep', { globals: lab(py) })
        return py
      } finally {
        restore()
      }
    })()
    const py = await pyodide.catch((error: unknown) => {
      pyodide = null
      throw error
    })
    onProgress({ phase: 'start', loaded: 1, total: 1 })
    return { python: py.runPython('import sys; sys.version.split()[0]') as string, pyodide: py.version }
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
