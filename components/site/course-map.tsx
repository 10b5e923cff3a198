'use client'

import { IntentLink } from './intent-link'
import { useState } from 'react'
import type { Lesson } from '@/content/lessons'
import { hasBegun, isLessonDone, resetProgress, tally, useProgress } from './progress'

/** The course map on the home page, with the learner's progress and a way to start over. */
export function CourseMap({ lessons }: { lessons: Lesson[] }) {
  const progress = useProgress()
  const [confirming, setConfirming] = useState(false)
  const done = lessons.filter((lesson) => isLessonDone(progress, lesson.slug, lesson.checks, lesson.challenges)).length
  const started = Object.keys(progress).length > 0

  return (
    <>
      <div className="-mt-1 mb-5 flex flex-wrap items-center gap-x-4 gap-y-3">
        <p id="course-progress-label" className="m-0 font-semibold text-muted">
          {done} of {lessons.length} lessons done
        </p>
        <progress
          className="h-2.5 max-w-72 flex-[1_1_10rem] appearance-none overflow-hidden rounded-full border-0 bg-surface-2 [&::-moz-progress-bar]:bg-success [&::-webkit-progress-bar]:bg-surface-2 [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-success"
          max={lessons.length} value={done} aria-labelledby="course-progress-label" />
        {started ? (
          confirming ? (
            <span className="text-ui text-muted">
              Forget every answer and mark nothing done?{' '}
              <button
                type="button"
                className="button"
                onClick={() => {
                  resetProgress()
                  setConfirming(false)
                }}
              >
                Reset
              </button>{' '}
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Reset progress
            </button>
          )
        ) : null}
      </div>
      <ol className="grid gap-3">
        {lessons.map((lesson) => {
          const finished = isLessonDone(progress, lesson.slug, lesson.checks, lesson.challenges)
          return (
            <li key={lesson.slug}>
              <IntentLink
                href={`/learn/${lesson.slug}`}
                className="flex items-baseline gap-5 rounded-card border border-border px-5.5 py-4.5 text-text no-underline transition-[border-color] duration-120 hover:border-accent"
                data-done={finished || undefined}
              >
                <span className={`font-mono text-[1.1rem] font-bold ${finished ? 'text-success' : 'text-accent'}`} aria-hidden="true">
                  {finished ? '✓' : String(lesson.number).padStart(2, '0')}
                </span>
                <span>
                  <span className="block text-title font-bold">{lesson.title}</span>
                  <span className="mt-1 block text-muted">{lesson.description}</span>
                  <span className="mt-1.5 block text-small font-demi text-success empty:hidden">
                    {finished ? 'Done' : hasBegun(progress, lesson.slug) ? tally(progress, lesson.slug, lesson.checks, lesson.challenges) : null}
                  </span>
                </span>
              </IntentLink>
            </li>
          )
        })}
      </ol>
    </>
  )
}
