import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LessonSlug } from './course'
import { writtenSlugs } from './written'

const notesPath = path.resolve(__dirname, '../../shared/notes/python-concurrency-notes.md')
// The course notes sit beside a checkout in the course's own layout, not in the repository.
const haveNotes = existsSync(notesPath)
if (!haveNotes) console.warn(`${notesPath} not found: the lessons were not checked against the course notes.`)
// A skipped describe still runs its body to collect its tests: read the notes only when they exist.
const notes = haveNotes ? readFileSync(notesPath, 'utf8') : ''

/** Every fenced block of the notes, dedented to its fence. */
function codeBlocks(markdown: string): string[] {
  const blocks: string[] = []
  let open: { indent: number; lines: string[] } | null = null
  for (const line of markdown.split('\n')) {
    const fence = /^(\s*)```/.exec(line)
    if (fence && !open) open = { indent: fence[1]!.length, lines: [] }
    else if (fence && open) {
      blocks.push(open.lines.join('\n'))
      open = null
    } else if (open) open.lines.push(line.slice(Math.min(open.indent, /^\s*/.exec(line)![0].length)))
  }
  return blocks
}

/** Which lesson shows each block of the notes, recognised by its opening. */
const homes: [RegExp, LessonSlug][] = [
  [/^from multiprocessing import Pool/, 'multiprocessing'],
  [/^import threading\nimport time\n\ndef thread_function/, 'threading'],
  [/^import threading\nimport time\n\nclass MyThread/, 'threading'],
  [/^import threading\nimport time\n\nclass ThreadSafeCounter/, 'thread-safety'],
  [/^async def fetch_data\(\)/, 'asyncio'],
  [/^async def my_coroutine\(\)/, 'asyncio'],
  [/^async def fetch_page\(url\)/, 'asyncio-io-and-aiohttp'],
  [/^rest:\n/, 'yaml'],
]

const normalize = (code: string) =>
  code
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim()

const lessonSources = (slug: LessonSlug) => normalize(readFileSync(path.join(__dirname, `${slug}.mdx`), 'utf8'))

describe.runIf(haveNotes)('the course notes', () => {
  const blocks = codeBlocks(notes)

  it('has every code block assigned to a lesson', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(9)
    for (const block of blocks) expect(homes.some(([pattern]) => pattern.test(block)), block).toBe(true)
  })

  it.each(writtenSlugs())('appear verbatim in %s', (slug) => {
    const source = lessonSources(slug)
    for (const block of blocks.filter((b) => homes.some(([pattern, home]) => home === slug && pattern.test(b)))) {
      expect(source, `content/${slug}.mdx is missing:\n${block}`).toContain(normalize(block))
    }
  })
})

describe.runIf(haveNotes)('the notes quoted in a lesson', () => {
  it('processes-vs-threads quotes the three lines of "Multiprocessing vs Multithreading" word for word', () => {
    const section = notes.slice(notes.indexOf('### Multiprocessing vs Multithreading'), notes.indexOf('### Asynchronous Programming'))
    const bullets = section.split('\n').filter((line) => line.startsWith('- '))
    expect(bullets).toHaveLength(3)
    const lesson = readFileSync(path.join(__dirname, 'processes-vs-threads.mdx'), 'utf8')
    for (const bullet of bullets) expect(lesson).toContain(bullet)
  })
})
