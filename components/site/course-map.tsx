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
      <div className="course-progress">
        <p id="course-progress-label" className="course-progress-label">
          {done} of {lessons.length} lessons done
        </p>
        <progress className="course-progress-bar" max={lessons.length} value={done} aria-labelledby="course-progress-label" />
        {started ? (
          confirming ? (
            <span className="course-progress-confirm">
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
      <ol className="course-list">
        {lessons.map((lesson) => {
          const finished = isLessonDone(progress, lesson.slug, lesson.checks, lesson.challenges)
          return (
            <li key={lesson.slug}>
              <IntentLink href={`/learn/${lesson.slug}`} className="course-item" data-done={finished || undefined}>
                <span className="course-number" aria-hidden="true">
                  {finished ? '✓' : String(lesson.number).padStart(2, '0')}
                </span>
                <span>
                  <span className="course-title">{lesson.title}</span>
                  <span className="course-description">{lesson.description}</span>
                  <span className="course-status">
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
