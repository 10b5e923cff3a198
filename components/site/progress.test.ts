import { describe, expect, it } from 'vitest'
import { type Answer, isAnswered, isLessonDone, type Progress } from './progress'

describe('lesson progress', () => {
  const checks = ['a', 'b']

  it('counts an answer once it is right or revealed', () => {
    expect(isAnswered(undefined)).toBe(false)
    expect(isAnswered({ pick: 'b', correct: false })).toBe(false)
    expect(isAnswered({ pick: 'b', correct: true })).toBe(true)
    expect(isAnswered({ pick: 'a', correct: false, revealed: true })).toBe(true)
  })

  it('still counts an answer saved by index, before choices were saved by their text', () => {
    const saved = JSON.parse('{"choice": 1, "correct": true}') as Answer
    expect(isAnswered(saved)).toBe(true)
    expect(saved.pick).toBeUndefined()
  })

  it('is done once every question is answered', () => {
    const some: Progress = { l: { answers: { a: { pick: 'a', correct: true } } } }
    expect(isLessonDone(some, 'l', checks)).toBe(false)
    const all: Progress = { l: { answers: { a: { pick: 'a', correct: true }, b: { pick: 'c', correct: false, revealed: true } } } }
    expect(isLessonDone(all, 'l', checks)).toBe(true)
  })

  it('follows the learner when marked by hand, either way', () => {
    expect(isLessonDone({ l: { done: true } }, 'l', checks)).toBe(true)
    const all: Progress = { l: { done: false, answers: { a: { pick: 'a', correct: true }, b: { pick: 'a', correct: true } } } }
    expect(isLessonDone(all, 'l', checks)).toBe(false)
  })

  it('is never done by default for a lesson without questions', () => {
    expect(isLessonDone({}, 'l', [])).toBe(false)
  })
})
