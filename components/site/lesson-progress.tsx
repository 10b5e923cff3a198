'use client'

import { isLessonDone, markDone, tally, useProgress } from './progress'
import { useHydrated } from './use-hydrated'

/** The foot of a lesson: questions answered, challenges solved, and marking the lesson done (or not) by hand. */
export function LessonProgress({ slug, checks, challenges }: { slug: string; checks: string[]; challenges: string[] }) {
  const progress = useProgress()
  const hydrated = useHydrated()
  const done = isLessonDone(progress, slug, checks, challenges)
  const summary = tally(progress, slug, checks, challenges)
  return (
    <section
      aria-label="Your progress"
      className="mx-auto mt-12 flex max-w-3xl flex-wrap items-center justify-between gap-x-5 gap-y-3 rounded-card border border-border bg-surface px-5 py-4 presenter:hidden"
    >
      <p className="m-0 font-semibold" aria-live="polite">
        {done ? (
          <>
            <span className="text-success" aria-hidden="true">
              ✓
            </span>{' '}
            Lesson done.
          </>
        ) : (
          'Not done yet.'
        )}{' '}
        {summary ? `${summary[0]!.toUpperCase()}${summary.slice(1)}.` : null}
      </p>
      <button type="button" className="button" onClick={() => markDone(slug, !done)} disabled={!hydrated}>
        {done ? 'Mark as not done' : 'Mark lesson as done'}
      </button>
    </section>
  )
}
