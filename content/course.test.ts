import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { outline } from '../lib/outline'
import { course, splits } from './course'
import { writtenSlugs } from './written'

const checksOf = (slug: string) => outline(readFileSync(path.join(__dirname, `${slug}.mdx`), 'utf8')).checks

describe('the course', () => {
  it('gives every question an id of its own across lessons: answers follow a question by its id', () => {
    const ids = writtenSlugs().flatMap(checksOf)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it.each(splits)('puts $to right after $from, and lists the questions that moved to it', ({ from, to, questions }) => {
    expect(course.indexOf(to)).toBe(course.indexOf(from) + 1)
    for (const id of questions) {
      expect(checksOf(to), `${id} is asked in ${to}`).toContain(id)
      expect(checksOf(from), `${id} is no longer asked in ${from}`).not.toContain(id)
    }
  })
})
