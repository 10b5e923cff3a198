import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writtenSlugs } from './written'

const root = path.join(__dirname, '..')
const isClientModule = (specifier: string) => {
  const file = ['.tsx', '.ts'].map((ext) => path.join(root, specifier.replace(/^@\//, '') + ext)).find(existsSync)
  expect(file, `${specifier} exists`).toBeDefined()
  return /^['"]use client['"]/.test(readFileSync(file!, 'utf8'))
}

describe('lesson imports', () => {
  // The lesson route reaches every lesson: a client demo imported directly would ship with all of
  // them. A lesson names its live demos by id (<Demo id="x">), and imports only server parts.
  it.each(writtenSlugs())('%s imports no client demo', (slug) => {
    const source = readFileSync(path.join(__dirname, `${slug}.mdx`), 'utf8')
    const specifiers = [...source.matchAll(/^import .* from '(@\/components\/demos\/[^']+)'$/gm)].map((m) => m[1]!)
    for (const specifier of specifiers) expect(isClientModule(specifier), `${slug} imports ${specifier} directly`).toBe(false)
  })
})
