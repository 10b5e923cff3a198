'use client'

import { useSyncExternalStore } from 'react'
import { announce, storageSubscription } from './browser-events'

/**
 * A learner's answer to one `<CheckYourself>` question. `pick` is the text of the choice picked, so
 * it names the same choice in whatever order the choices are shown. Answers saved by earlier
 * versions of the site hold an index (`choice`) into an order that has since changed instead:
 * they keep their verdict, and name no choice.
 */
export type Answer = { pick?: string; correct: boolean; revealed?: boolean }
/** `done` is set only when the learner marks a lesson (un)done by hand. */
export type LessonProgress = { done?: boolean; answers?: Record<string, Answer> }
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
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Progress) : empty
  } catch {
    return empty
  }
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

export function markDone(slug: string, done: boolean) {
  write((progress) => ({ ...progress, [slug]: { ...progress[slug], done } }))
}

export function resetProgress() {
  write(() => empty)
}

export const isAnswered = (answer: Answer | undefined) => Boolean(answer && (answer.correct || answer.revealed))

/** A lesson is done when marked so, or, unless marked not done, once every question is answered. */
export function isLessonDone(progress: Progress, slug: string, checks: readonly string[]): boolean {
  const lesson = progress[slug]
  if (lesson?.done !== undefined) return lesson.done
  return checks.length > 0 && checks.every((id) => isAnswered(lesson?.answers?.[id]))
}
