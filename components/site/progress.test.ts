import { describe, expect, it } from 'vitest'
import { type Answer, followSplits, isAnswered, isLessonDone, type Progress } from './progress'

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

  it('is done once every question is answered and every challenge solved', () => {
    const answered: Progress = { l: { answers: { a: { pick: 'a', correct: true }, b: { pick: 'b', correct: true } } } }
    expect(isLessonDone(answered, 'l', checks, ['c1'])).toBe(false)
    const tried: Progress = { l: { ...answered.l, challenges: { c1: { solved: false, attempts: 3 } } } }
    expect(isLessonDone(tried, 'l', checks, ['c1'])).toBe(false)
    const solved: Progress = { l: { ...answered.l, challenges: { c1: { solved: true, attempts: 4 } } } }
    expect(isLessonDone(solved, 'l', checks, ['c1'])).toBe(true)
    // A lesson with challenges and no questions is done once they are solved.
    expect(isLessonDone(solved, 'l', [], ['c1'])).toBe(true)
    expect(isLessonDone({}, 'l', [], [])).toBe(false)
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

describe('progress saved before a lesson was split', () => {
  const right: Answer = { pick: 'a', correct: true }
  const wrong: Answer = { pick: 'b', correct: false }

  it('moves the answers to questions that moved, and keeps the rest where they were', () => {
    const saved: Progress = { threading: { answers: { 'active-count': right, 'counter-without-lock': right, 'deadlock-fix': wrong } } }
    expect(followSplits(saved)).toEqual({
      threading: { answers: { 'active-count': right } },
      'thread-safety': { answers: { 'counter-without-lock': right, 'deadlock-fix': wrong } },
    })
  })

  it('so a learner who answered them finds them answered in the new lesson', () => {
    const saved: Progress = { multiprocessing: { answers: { 'process-exitcode': right } } }
    expect(isAnswered(followSplits(saved)['processes-pipes-queues']?.answers?.['process-exitcode'])).toBe(true)
  })

  it('keeps an answer given in the new lesson over one carried from the old', () => {
    const saved: Progress = { threading: { answers: { 'deadlock-fix': wrong } }, 'thread-safety': { answers: { 'deadlock-fix': right } } }
    expect(followSplits(saved)['thread-safety']?.answers?.['deadlock-fix']).toEqual(right)
    expect(followSplits(saved).threading?.answers).toEqual({})
  })

  it('carries a lesson marked done by hand to the lesson split from it, unless that one was marked itself', () => {
    const done: Progress = { threading: { done: true, answers: { 'semaphore-time': right } } }
    expect(isLessonDone(followSplits(done), 'thread-safety', ['semaphore-time', 'lock-reentry'])).toBe(true)
    const undone: Progress = { ...done, 'thread-safety': { done: false } }
    expect(followSplits(undone)['thread-safety']?.done).toBe(false)
  })

  it('changes nothing once the answers have moved, or when there were none to move', () => {
    const moved = followSplits({ threading: { done: true, answers: { 'mutual-exclusion': right } } })
    expect(followSplits(moved)).toBe(moved)
    const current: Progress = { threading: { done: true, answers: { 'active-count': right } } }
    expect(followSplits(current)).toBe(current)
  })
})
