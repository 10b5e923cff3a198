// Copies the Pyodide runtime (CPython compiled to WebAssembly) from node_modules into
// public/pyodide/<version>/, so the site serves it itself (no CDN) under a path that changes with
// the version: next.config.mjs may then let browsers keep it for good. Also makes the memory
// snapshot the worker starts from (pyodide-snapshot.mjs). Runs before every build and dev server.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

const root = path.resolve(import.meta.dirname, '..')
const source = path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))
const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'))
const served = path.join(root, 'public', 'pyodide')
const target = path.join(served, version)

// What loadPyodide fetches to start the interpreter with the standard library; no extra packages.
const files = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json']
const mtime = (file) => {
  try {
    return statSync(file).mtimeMs
  } catch {
    return -1
  }
}

mkdirSync(target, { recursive: true })
// Other versions, and the unversioned layout of earlier builds, are never asked for again.
for (const entry of readdirSync(served)) if (entry !== version) rmSync(path.join(served, entry), { recursive: true, force: true })
let copied = 0
for (const file of files) {
  const [from, to] = [path.join(source, file), path.join(target, file)]
  if (statSync(from).size === statSync(to, { throwIfNoEntry: false })?.size && mtime(from) <= mtime(to)) continue
  copyFileSync(from, to)
  copied++
}

const snapshot = path.join(target, 'snapshot.bin.gz')
for (const entry of readdirSync(target)) if (![...files, 'snapshot.bin.gz', 'manifest.json'].includes(entry)) rmSync(path.join(target, entry))
const maker = path.join(root, 'scripts', 'pyodide-snapshot.mjs')
let made = 'up to date'
if (mtime(snapshot) < Math.max(mtime(maker), mtime(path.join(source, 'pyodide.asm.wasm')))) {
  rmSync(snapshot, { force: true })
  // Node 20 names the flag stack switching; later Nodes, JSPI.
  for (const flag of ['--experimental-wasm-stack-switching', '--experimental-wasm-jspi']) {
    const run = spawnSync(process.execPath, [flag, maker, snapshot], { cwd: root, encoding: 'utf8' })
    if (run.status === 0) {
      made = 'made'
      break
    }
    made = `not made (${(run.stderr.trim().split('\n').at(-1) ?? '').slice(0, 120)}): Python will start without it`
  }
}

const size = (file) => statSync(path.join(target, file), { throwIfNoEntry: false })?.size ?? 0
// The worker's progress bar: how many bytes loadPyodide fetches (interpreter, standard library, lock file).
const download = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'].reduce((sum, file) => sum + size(file), 0)
// The snapshot: its gzipped bytes, and the memory it fills (the worker sizes the heap before it arrives).
const manifest = { version, download, snapshot: size('snapshot.bin.gz') ? { download: size('snapshot.bin.gz'), memory: gunzipSync(readFileSync(snapshot)).length } : null }
writeFileSync(path.join(target, 'manifest.json'), `${JSON.stringify(manifest)}\n`)
console.log(`pyodide ${version}: ${copied ? `copied ${copied} file(s)` : 'files up to date'}, snapshot ${made}, in public/pyodide/${version}/`)
