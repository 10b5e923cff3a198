'use client'

import { IntentLink } from './intent-link'
import { usePathname } from 'next/navigation'
import type { Lesson } from '@/content/lessons'
import { isLessonDone, useProgress } from './progress'

/** The course's lessons, the current one and the finished ones marked; a disclosure on narrow screens. */
export function Sidebar({ lessons }: { lessons: Lesson[] }) {
  const pathname = usePathname()
  const progress = useProgress()
  const current = lessons.find((lesson) => pathname === `/learn/${lesson.slug}`)
  const list = (
    <ol className="sidebar-list">
      {lessons.map((lesson) => {
        const href = `/learn/${lesson.slug}`
        const done = isLessonDone(progress, lesson.slug, lesson.checks, lesson.challenges)
        return (
          <li key={lesson.slug}>
            <IntentLink href={href} aria-current={pathname === href ? 'page' : undefined} className="sidebar-link">
              <span className="sidebar-number" aria-hidden="true">
                {done ? '✓' : lesson.number}
              </span>
              <span>
                {lesson.title}
                {done ? <span className="sr-only"> (done)</span> : null}
              </span>
            </IntentLink>
          </li>
        )
      })}
    </ol>
  )
  return (
    <nav aria-label="Lessons" className="sidebar">
      <details className="sidebar-mobile">
        <summary>
          Lessons{current ? <span className="sidebar-mobile-current"> · {current.number}. {current.title}</span> : null}
        </summary>
        {list}
      </details>
      <div className="sidebar-desktop">
        <p className="sidebar-heading">Course</p>
        {list}
      </div>
    </nav>
  )
}
