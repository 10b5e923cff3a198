import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { outline } from '../lib/outline'
import { writtenSlugs } from './written'

describe('exercises', () => {
  it.each(writtenSlugs())('%s has at least three check-yourself questions, one of them predict-the-output', (slug) => {
    const { checks, predictions } = outline(readFileSync(path.join(__dirname, `${slug}.mdx`), 'utf8'))
    expect(checks.length).toBeGreaterThanOrEqual(3)
    expect(new Set(checks).size, 'question ids are unique').toBe(checks.length)
    expect(predictions.length).toBeGreaterThanOrEqual(1)
  })
})
