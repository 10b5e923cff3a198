import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { orderChoices } from '../components/mdx/choice-order'
import { outline } from '../lib/outline'
import { writtenSlugs } from './written'

const questionsOf = (slug: string) => outline(readFileSync(path.join(__dirname, `${slug}.mdx`), 'utf8')).questions

describe('exercises', () => {
  it.each(writtenSlugs())('%s has at least five check-yourself questions, one of them predict-the-output', (slug) => {
    const questions = questionsOf(slug)
    const ids = questions.map((q) => q.id)
    expect(questions.length).toBeGreaterThanOrEqual(5)
    expect(new Set(ids).size, 'question ids are unique').toBe(ids.length)
    expect(questions.filter((q) => q.kind === 'predict').length).toBeGreaterThanOrEqual(1)
  })

  it('spreads the right answers over the positions they are shown in', () => {
    const positions: number[] = []
    for (const slug of writtenSlugs()) {
      for (const { id, choices, answer } of questionsOf(slug)) positions.push(orderChoices(id, choices, answer).answer)
    }
    const counts = new Map<number, number>()
    for (const position of positions) counts.set(position, (counts.get(position) ?? 0) + 1)
    for (const [position, count] of counts) {
      expect(count / positions.length, `choice ${position + 1} is the answer to ${count} of ${positions.length} questions`).toBeLessThanOrEqual(0.4)
    }
  })
})
