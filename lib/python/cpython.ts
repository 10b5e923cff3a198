/**
 * Real CPython, for the tests and the recorder: which interpreter to use, and one run of a program in
 * a pseudo-terminal (lib/python/tty_run.py), so the output is what a learner's terminal shows.
 * Node only.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Outcome } from './listing'

/** Libraries beyond the standard library that some listings import (Debian: python3-<name>). */
export const libraries = ['yaml', 'aiohttp', 'numpy'] as const
export type Library = (typeof libraries)[number]

export type CPython = { command: string; version: string; libraries: Set<Library> }

/** Debian's packages for the interpreter and every library a listing imports. */
export const installHint = 'apt-get install -y python3 python3-yaml python3-aiohttp python3-numpy'

const minimum = [3, 11] as const

function probe(command: string): CPython | null {
  try {
    const script = `import importlib.util, json, platform
print(json.dumps({"implementation": platform.python_implementation(), "version": platform.python_version(),
  "libraries": [name for name in ${JSON.stringify(libraries)} if importlib.util.find_spec(name)]}))`
    const info = JSON.parse(execFileSync(command, ['-c', script], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }))
    const [major, minor] = (info.version as string).split('.').map(Number) as [number, number]
    if (info.implementation !== 'CPython' || major < minimum[0] || (major === minimum[0] && minor < minimum[1])) return null
    return { command, version: info.version, libraries: new Set(info.libraries) }
  } catch {
    return null
  }
}

let found: { python: CPython } | { python: null; why: string } | undefined

/**
 * The CPython to run listings with: `$PYTHON` if set, else the first of `python3` and
 * `/usr/bin/python3` that has every library (a pyenv `python3` often has none), else the first 3.11+.
 */
export function findCPython(): { python: CPython } | { python: null; why: string } {
  if (found) return found
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : ['python3', '/usr/bin/python3']
  const usable = candidates.map(probe).filter((python): python is CPython => python !== null)
  const python = usable.find((p) => p.libraries.size === libraries.length) ?? usable[0]
  found = python
    ? { python }
    : {
        python: null,
        why: `No CPython ${minimum.join('.')}+ found (tried ${candidates.join(', ')}): the Python listings were not run. Install one (${installHint}) or set PYTHON=/path/to/python3.`,
      }
  return found
}

/** The libraries a program imports, of those some listings need. */
export function importedLibraries(source: string): Library[] {
  return libraries.filter((name) => new RegExp(`^\\s*(?:import|from)\\s+${name}\\b`, 'm').test(source))
}

/** What `python` lacks to run this program, or null. */
export function missingFor(python: CPython, file: string): string | null {
  const missing = importedLibraries(readFileSync(file, 'utf8')).filter((name) => !python.libraries.has(name))
  return missing.length ? `${python.command} has no ${missing.join(', ')} (${installHint}, or set PYTHON)` : null
}

// Paths are from the repository's root, where every script and test runs (as <SourceFile> reads files).
const ttyRun = path.resolve('lib/python/tty_run.py')

/** Runs `file` with `args` under CPython in a pseudo-terminal; kills it and its children at the timeout. */
export function runCPython(
  python: CPython,
  file: string,
  { args = [], cwd = path.dirname(file), timeoutSeconds = 30 }: { args?: readonly string[]; cwd?: string; timeoutSeconds?: number } = {},
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(python.command, [ttyRun, String(timeoutSeconds), file, ...args], {
      cwd,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', COLUMNS: '100', TERM: 'dumb' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const chunks: Buffer[] = []
    const errors: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk))
    // tty_run.py enforces the timeout; this only guards against the guard itself hanging.
    const guard = setTimeout(() => child.kill('SIGKILL'), (timeoutSeconds + 10) * 1000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(guard)
      const said = Buffer.concat(errors).toString('utf8')
      const timedOut = said === 'tty_run: timed out\n'
      if (said && !timedOut) return reject(new Error(`tty_run.py failed: ${said}`))
      resolve({ output: Buffer.concat(chunks).toString('utf8'), exitCode: timedOut ? null : code, timedOut })
    })
  })
}
