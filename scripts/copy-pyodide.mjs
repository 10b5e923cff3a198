// Copies the Pyodide runtime (CPython compiled to WebAssembly) from node_modules into public/pyodide/,
// so the site serves it itself: no CDN. Runs before every build and dev server (see package.json).
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const source = path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))
const target = path.join(root, 'public', 'pyodide')
const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'))

// What loadPyodide fetches to start the interpreter with the standard library; no extra packages.
const files = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json']

mkdirSync(target, { recursive: true })
let copied = 0
for (const file of files) {
  const from = path.join(source, file)
  const to = path.join(target, file)
  const same = (() => {
    try {
      const [a, b] = [statSync(from), statSync(to)]
      return a.size === b.size && a.mtimeMs <= b.mtimeMs
    } catch {
      return false
    }
  })()
  if (same) continue
  copyFileSync(from, to)
  copied++
}
// The worker's progress bar: how many bytes loadPyodide fetches (interpreter, standard library, lock file).
const download = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'].reduce((sum, file) => sum + statSync(path.join(source, file)).size, 0)
writeFileSync(path.join(target, 'manifest.json'), `${JSON.stringify({ version, download })}\n`)
console.log(`pyodide ${version}: ${copied ? `copied ${copied} file(s)` : 'up to date'} in public/pyodide/`)
