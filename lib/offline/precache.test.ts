import { describe, expect, it } from 'vitest'
import { withPages } from './precache'

/** The globbed build files, as Serwist hands them to a transform: hashed names, so no revision. */
const build = (id: string) => [
  { url: `.next/static/${id}/_buildManifest.js`, revision: null, size: 10 },
  { url: '.next/static/chunks/0abc123.js', revision: null, size: 2000 },
  { url: '.next/static/chunks/turbopack-worker-1xyz.js', revision: null, size: 900 },
  { url: '.next/static/media/Geist_Variable-s.p.43azbxi7zpibd.woff2', revision: null, size: 69_000 },
  { url: '.next/static/media/icon.3xpggaigryb9n.svg', revision: null, size: 311 },
]

const transform = withPages(['/', '/learn/threading'])
const run = async (entries: ReturnType<typeof build>) => {
  const result = await transform(entries)
  return { ...result, byUrl: new Map(result.manifest.map((entry) => [entry.url, entry.revision])) }
}

describe('withPages', () => {
  it('keeps the pages and the search index under the build id, and the icon under the URL pages link it by', async () => {
    const { byUrl, warnings } = await run(build('Wuqc3Z2h5CF4vABQ1SmK4'))
    expect(byUrl.get('/')).toBe('Wuqc3Z2h5CF4vABQ1SmK4')
    expect(byUrl.get('/learn/threading')).toBe('Wuqc3Z2h5CF4vABQ1SmK4')
    expect(byUrl.get('/search-index.json')).toBe('Wuqc3Z2h5CF4vABQ1SmK4')
    expect(byUrl.get('/icon.svg?icon.3xpggaigryb9n.svg')).toBeNull()
    // The build's own files are all still there, unchanged.
    for (const entry of build('Wuqc3Z2h5CF4vABQ1SmK4')) expect(byUrl.get(entry.url)).toBeNull()
    expect(warnings).toEqual([])
  })

  it('revises every page with each new build, so a new deploy fetches them again', async () => {
    const before = await run(build('Wuqc3Z2h5CF4vABQ1SmK4'))
    const after = await run(build('7Y2Wu25CBHyfRK76WubYD'))
    for (const page of ['/', '/learn/threading', '/search-index.json']) expect(after.byUrl.get(page)).not.toBe(before.byUrl.get(page))
  })

  it('refuses files that are not a Next build', async () => {
    await expect(async () => transform(build('x').slice(1))).rejects.toThrow(/no \.next\/static\/<build id>\/_buildManifest\.js/)
  })

  it('warns when the build has no icon to keep', async () => {
    const { byUrl, warnings } = await run(build('abc').filter((entry) => !entry.url.includes('icon.')))
    expect([...byUrl.keys()].some((url) => url.startsWith('/icon.svg'))).toBe(false)
    expect(warnings).toEqual([expect.stringMatching(/site icon will not be kept offline/)])
  })
})
