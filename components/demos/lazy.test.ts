import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoList, listFile } from '@/scripts/demo-list'
import { demoIds, loadDemo } from './lazy'

const demos = path.join(process.cwd(), 'components/demos')
const stylesheets = readdirSync(demos, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.css'))

describe('demo stylesheets', () => {
  // Demos are styled with utilities, which come with the page: the server's HTML of a demo looks as
  // it will once its code loads. A demo's own CSS arrives with its code, so it styles only what the
  // live demo draws, and lazy.tsx (which every lesson loads) imports none.
  it('are not loaded with every lesson', () => {
    expect(readFileSync(path.join(demos, 'lazy.tsx'), 'utf8')).not.toMatch(/import '[^']*\.css'/)
  })

  it.each(stylesheets)('%s is imported by the component of its name', (file) => {
    const component = path.join(demos, file.replace(/\.css$/, '.tsx'))
    expect(existsSync(component)).toBe(true)
    expect(readFileSync(component, 'utf8')).toContain(`import './${path.basename(file)}'`)
  })
})

// What names a live demo by id: a lesson's <Demo id="x">, and a server part's <LiveDemo … id="x">.
const namers = [
  ...readdirSync(path.join(process.cwd(), 'content'))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => path.join('content', file)),
  ...readdirSync(demos, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx') && file !== 'lazy.tsx')
    .map((file) => path.join('components/demos', file)),
]
const named = namers.flatMap((file) =>
  [...readFileSync(path.join(process.cwd(), file), 'utf8').matchAll(/<(?:Demo|LiveDemo(?:<[^>]*>+)?)\s+id="([^"]+)"/g)].map((m) => ({ file, id: m[1]! })),
)

describe('live demos', () => {
  it('are listed as their files are named (npm run dev or npm run build rewrites the list)', () => {
    expect(readFileSync(listFile, 'utf8')).toBe(demoList())
  })

  it.each(demoIds)('%s loads its component', async (id) => {
    expect(typeof (await loadDemo(id))).toBe('function')
  })

  it('refuses an id that no module has', async () => {
    await expect(loadDemo('no-such')).rejects.toThrow('No demo "no-such"')
  })

  it.each(named)('$file names demo "$id", which exists', ({ id }) => {
    expect(demoIds).toContain(id)
  })

  it.each(demoIds)('%s is shown by a lesson', (id) => {
    expect(named.map((name) => name.id)).toContain(id)
  })
})
