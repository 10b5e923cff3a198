'use client'

import { useSyncExternalStore } from 'react'
import { splits } from '@/content/course'
import { announce, storageSubscription } from './browser-events'

/**
 * A learner's answer to one `<CheckYourself>` question. `pick` is the text of the choice picked, so
 * it names the same choice in whatever order the choices are shown. Answers saved by earlier
 * versions of the site hold an index (`choice`) into an order that has since changed instead:
 * they keep their verdict, and name no choice.
 */
export type Answer = { pick?: string; correct: boolean; revealed?: boolean }
/** A learner's work on one `<Challenge>`: attempts checked so far, and whether one passed. */
export type Attempts = { solved: boolean; attempts: number }
/** `done` is set only when the learner marks a lesson (un)done by hand. */
export type LessonProgress = { done?: boolean; answers?: Record<string, Answer>; challenges?: Record<string, Attempts> }
export type Progress = Record<string, LessonProgress>

const storageKey = 'concurrency-lab:progress'
const changeEvent = 'progress-change'
const empty: Progress = {}

// Kept per raw string so the snapshot keeps its identity until the stored value changes.
let cached: { raw: string | null; value: Progress } = { raw: null, value: empty }

function parse(raw: string | null): Progress {
  if (!raw) return empty
  try {
    const value: unknown = JSON.parse(raw)
    return value && typeof value === 'object' && !Array.isArray(value) ? followSplits(value as Progress) : empty
  } catch {
    return empty
  }
}

/**
 * Answers saved under a lesson before it was split, to questions that moved to the new lesson,
 * move with them (an answer saved there since wins). If the old lesson was marked done by hand, the
 * new one is too, unless marked either way itself: that mark covered the part that moved. Stored
 * as it is read, the next write saves the result.
 */
export function followSplits(progress: Progress): Progress {
  let next = progress
  for (const { from, to, questions } of splits) {
    const old = next[from]?.answers ?? {}
    const moving = questions.filter((id) => Object.hasOwn(old, id))
    if (!moving.length) continue
    const kept = Object.fromEntries(Object.entries(old).filter(([id]) => !moving.includes(id)))
    next = {
      ...next,
      [from]: { ...next[from], answers: kept },
      [to]: {
        ...(next[from]?.done === true ? { done: true } : {}),
        ...next[to],
        answers: { ...Object.fromEntries(moving.map((id) => [id, old[id]!])), ...next[to]?.answers },
      },
    }
  }
  return next
}

function read(): Progress {
  let raw: string | null = null
  try {
    raw = localStorage.getItem(storageKey)
  } catch {
    // Storage can be blocked (privacy settings): progress simply is not kept.
  }
  if (raw !== cached.raw) cached = { raw, value: parse(raw) }
  return cached.value
}

function write(update: (progress: Progress) => Progress) {
  try {
    localStorage.setItem(storageKey, JSON.stringify(update(read())))
  } catch {
    return
  }
  announce(changeEvent)
}

const subscribe = storageSubscription(changeEvent)

/** The learner's progress on this device; empty on the server and before hydration. */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, read, () => empty)
}

export function recordAnswer(slug: string, id: string, answer: Answer) {
  write((progress) => ({
    ...progress,
    [slug]: { ...progress[slug], answers: { ...progress[slug]?.answers, [id]: answer } },
  }))
}

/** One checked attempt at a challenge. Once solved it stays solved: a later wrong try is practice. */
export function recordAttempt(slug: string, id: string, solved: boolean) {
  write((progress) => {
    const before = progress[slug]?.challenges?.[id]
    const after: Attempts = { solved: solved || Boolean(before?.solved), attempts: (before?.attempts ?? 0) + 1 }
    return { ...progress, [slug]: { ...progress[slug], challenges: { ...progress[slug]?.challenges, [id]: after } } }
  })
}

export function markDone(slug: string, done: boolean) {
  write((progress) => ({ ...progress, [slug]: { ...progress[slug], done } }))
}

export function resetProgress() {
  write(() => empty)
}

export const isAnswered = (answer: Answer | undefined) => Boolean(answer && (answer.correct || answer.revealed))

/**
 * A lesson is done when marked so, or, unless marked not done, once every question is answered and
 * every challenge solved.
 */
export function isLessonDone(progress: Progress, slug: string, checks: readonly string[], challenges: readonly string[] = []): boolean {
  const lesson = progress[slug]
  if (lesson?.done !== undefined) return lesson.done
  return (
    checks.length + challenges.length > 0 &&
    checks.every((id) => isAnswered(lesson?.answers?.[id])) &&
    challenges.every((id) => lesson?.challenges?.[id]?.solved)
  )
}

/** "2 of 6 questions answered, 1 of 2 challenges solved": what there is to do in a lesson, and what is done. */
export function tally(progress: Progress, slug: string, checks: readonly string[], challenges: readonly string[] = []): string {
  const lesson = progress[slug]
  const answered = checks.filter((id) => isAnswered(lesson?.answers?.[id])).length
  const solved = challenges.filter((id) => lesson?.challenges?.[id]?.solved).length
  const parts = [
    checks.length ? `${answered} of ${checks.length} questions answered` : '',
    challenges.length ? `${solved} of ${challenges.length} challenge${challenges.length === 1 ? '' : 's'} solved` : '',
  ]
  return parts.filter(Boolean).join(', ')
}

/** Whether the learner has answered or solved anything in the lesson yet. */
export const hasBegun = (progress: Progress, slug: string) =>
  Object.values(progress[slug]?.answers ?? {}).some(isAnswered) || Object.values(progress[slug]?.challenges ?? {}).some((c) => c.solved)
