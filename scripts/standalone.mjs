// Completes the standalone server `next build` leaves in .next/standalone (output: 'standalone').
// Next traces the server's code and node_modules there, but leaves the files it serves where they
// are, in public/ (Pyodide) and .next/static (hashed chunks, CSS, fonts): copies both in. And it
// writes server.js from server/main.ts (Next's server, answering /api/delay itself). The folder then
// runs by itself, here, in e2e and in the Docker image: `node .next/standalone/server.js`.
import { cpSync, existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const standalone = path.join(root, '.next', 'standalone')
if (!existsSync(path.join(standalone, '.next', 'required-server-files.json'))) {
  console.error(`No ${path.relative(root, standalone)}: run \`npm run build\` (next.config.mjs sets output: 'standalone').`)
  process.exit(1)
}
for (const dir of ['public', '.next/static']) {
  const target = path.join(standalone, dir)
  // A fresh copy each build: chunks of an earlier build, or another Pyodide version, are never served.
  rmSync(target, { recursive: true, force: true })
  if (existsSync(path.join(root, dir))) cpSync(path.join(root, dir), target, { recursive: true })
}
// One file with the route's code (and zod) in it; `next` is the copy Next traced into the folder.
await build({
  entryPoints: [path.join(root, 'server', 'main.ts')],
  outfile: path.join(standalone, 'server.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['next'],
  logLevel: 'warning',
})
console.log(`standalone server ready: node ${path.relative(root, standalone)}/server.js`)
