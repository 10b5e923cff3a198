import { describe, expect, it } from 'vitest'
import { isAnswered, isLessonDone, type Progress } from './progress'

describe('lesson progress', () => {
  const checks = ['a', 'b']

  it('counts an answer once it is right or revealed', () => {
    expect(isAnswered(undefined)).toBe(false)
    expect(isAnswered({ choice: 1, correct: false })).toBe(false)
    expect(isAnswered({ choice: 1, correct: true })).toBe(true)
    expect(isAnswered({ choice: 0, correct: false, revealed: true })).toBe(true)
  })

  it('is done once every question is answered', () => {
    const some: Progress = { l: { answers: { a: { choice: 0, correct: true } } } }
    expect(isLessonDone(some, 'l', checks)).toBe(false)
    const all: Progress = { l: { answers: { a: { choice: 0, correct: true }, b: { choice: 2, correct: false, revealed: true } } } }
    expect(isLessonDone(all, 'l', checks)).toBe(true)
  })

  it('follows the learner when marked by hand, either way', () => {
    expect(isLessonDone({ l: { done: true } }, 'l', checks)).toBe(true)
    const all: Progress = { l: { done: false, answers: { a: { choice: 0, correct: true }, b: { choice: 0, correct: true } } } }
    expect(isLessonDone(all, 'l', checks)).toBe(false)
  })

  it('is never done by default for a lesson without questions', () => {
    expect(isLessonDone({}, 'l', [])).toBe(false)
  })
})
