// Makes Pyodide's memory snapshot: the interpreter as it stands once started, so a page restores it
// (~0.6 s) instead of starting Python from scratch (~4–8 s). Run by copy-pyodide.mjs in a Node with
// WebAssembly stack switching on: a snapshot made without it would have Python's run_sync, which
// asyncio.run needs, switched off for good.
// Usage: node --experimental-wasm-stack-switching scripts/pyodide-snapshot.mjs OUT.gz
// Gzipped here (31 MB of memory, 6 MB gzipped): the server compresses only text types.
import { writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { loadPyodide } from 'pyodide'

if (!('Suspending' in WebAssembly || 'Suspender' in WebAssembly)) {
  console.error('this Node has no WebAssembly stack switching')
  process.exit(2)
}
const py = await loadPyodide({ _makeSnapshot: true, _sysExecutable: '/home/pyodide/this.program' })
// What the programs import first, and nothing from Node: its script path, and the '' that
// loadPyodide puts at the front of sys.path again after a restore.
py.runPython(`
import asyncio, os, sys, time
os.environ.pop('_', None)
sys.path.remove('')
`)
writeFileSync(process.argv[2], gzipSync(py.makeMemorySnapshot(), { level: 9 }))
