// Writes components/demos/live-demos.ts, the list lazy.tsx loads demos from: a literal import() for
// each, since Turbopack splits a demo into a chunk of its own only for an import() it can read (its
// import.meta.glob puts every module found in one chunk, loaded with the page). Run by `npm run dev`
// and `npm run build`; a unit test fails when the list is stale. Never edit the list by hand.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const demos = path.join(import.meta.dirname, '../components/demos')
export const listFile = path.join(demos, 'live-demos.ts')

/** A demo's module: `x-demo.tsx` exporting `XDemo`, or `x/x-client.tsx` exporting `XClient` beside a server part `x/x-demo.tsx`. */
const demoModule = /^(?:([a-z0-9-]+)-demo|([a-z0-9-]+)\/\2-client)\.tsx$/

/** The list as it should read for the demos' files now on disk. */
export function demoList(): string {
  const files = readdirSync(demos, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => demoModule.test(file))
    .sort()
  const ids = new Set<string>()
  const lines = files.map((file) => {
    const [, single, pair] = demoModule.exec(file)!
    const id = (single ?? pair)!
    if (ids.has(id)) throw new Error(`Two modules for demo "${id}": keep x-demo.tsx or x/x-client.tsx, not both`)
    ids.add(id)
    const name = path.basename(file, '.tsx').replace(/(?:^|-)([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
    return `  '${id}': () => import('./${file.replace(/\.tsx$/, '')}').then((m) => m.${name}),`
  })
  return [
    '// Written by scripts/demo-list.ts from the names of the demos\' files (npm run dev and npm run build',
    '// run it). Never edit it by hand: name a demo\'s module x-demo.tsx, exporting XDemo.',
    '',
    '/** Each demo\'s component by id, each in a chunk of its own. */',
    'export const liveDemos = {',
    ...lines,
    '}',
    '',
  ].join('\n')
}

if (process.argv[1] === import.meta.filename) {
  const list = demoList()
  let current = ''
  try {
    current = readFileSync(listFile, 'utf8')
  } catch {
    // Not written yet.
  }
  if (current !== list) writeFileSync(listFile, list)
}
