// `npm run record:python`: runs every listing of content/python under real CPython, each as a learner
// would in a terminal, and writes what it printed to content/python/recorded.json, with the version.
// Listings that talk to the site run against a production server started here (run `npm run build`
// first). `npm test` then re-runs them all and fails when a run no longer matches its recording.
import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { findCPython, libraries } from '../lib/python/cpython'
import { checkEnding, normalize } from '../lib/python/listing'
import type { RecordedRun, Recording } from '../lib/python/recorded'
import { declaredRuns, expectationOf, listingFiles, listingsDir, runListing } from '../lib/python/run-listing'

const root = process.cwd()

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** The production server, for the listings that talk to the site. */
async function startSite(): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('No production build: run `npm run build` first.')
  const port = await freePort()
  const server = spawn(process.execPath, ['.next/standalone/server.js'], { cwd: root, stdio: 'ignore', env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1' } })
  const url = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(url)).ok) break
    } catch {
      if (tries > 120) throw new Error(`the server did not answer at ${url}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return { url, stop: () => server.kill() }
}

async function main(): Promise<number> {
  const found = findCPython()
  if (!found.python) {
    console.error(found.why)
    return 1
  }
  const { python } = found
  const missing = libraries.filter((name) => !python.libraries.has(name))
  if (missing.length) {
    console.error(`${python.command} lacks ${missing.join(', ')}: every listing must run to be recorded.`)
    return 1
  }

  const files = listingFiles()
  const site = files.some((file) => expectationOf(file).site) ? await startSite() : null
  const runs: RecordedRun[] = []
  let failed = false
  try {
    for (const file of files) {
      for (const args of declaredRuns(file)) {
        const outcome = await runListing(python, file, args, { site: site?.url })
        const problems = [...checkEnding(outcome, expectationOf(file)), ...normalize(outcome.output, expectationOf(file)).problems]
        const label = [file, ...args].join(' ')
        if (problems.length) {
          failed = true
          console.error(`✗ ${label}\n  ${problems.join('\n  ')}`)
        } else {
          console.log(`✓ ${label}`)
        }
        runs.push({ file, args, output: outcome.output.replace(/\r\n/g, '\n').trimEnd(), exitCode: outcome.exitCode })
      }
    }
  } finally {
    site?.stop()
  }
  if (failed) {
    console.error('\nNot recorded: a listing did not do what content/python/listings.ts says it does.')
    return 1
  }
  const recording: Recording = { python: python.version, recorded: new Date().toISOString().slice(0, 10), runs }
  writeFileSync(path.join(listingsDir, 'recorded.json'), `${JSON.stringify(recording, null, 2)}\n`)
  console.log(`\nRecorded ${runs.length} runs of ${files.length} listings with CPython ${python.version} (${python.command}).`)
  return 0
}

void main().then((code) => process.exit(code))
