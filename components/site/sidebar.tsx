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
    <ol className="grid gap-0.5">
      {lessons.map((lesson) => {
        const href = `/learn/${lesson.slug}`
        const done = isLessonDone(progress, lesson.slug, lesson.checks, lesson.challenges)
        return (
          <li key={lesson.slug}>
            <IntentLink
              href={href}
              aria-current={pathname === href ? 'page' : undefined}
              className="flex gap-2.5 rounded-lg px-2.5 py-1.75 text-ui leading-[1.35] text-muted no-underline hover:bg-surface hover:text-text aria-[current=page]:bg-accent-soft aria-[current=page]:font-demi aria-[current=page]:text-accent"
            >
              <span className="min-w-4.5 font-mono text-small" aria-hidden="true">
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
    <nav
      aria-label="Lessons"
      className="border-b border-border presenter:hidden lg:sticky lg:top-header lg:h-[calc(100vh-var(--header-h))] lg:self-start lg:overflow-y-auto lg:border-r lg:border-b-0 lg:py-8 lg:pr-3 lg:pl-5"
    >
      <details className="lg:hidden [&>ol]:px-3 [&>ol]:pb-3">
        <summary className="cursor-pointer px-5 py-3.5 font-demi">
          Lessons{current ? <span className="font-medium text-muted"> · {current.number}. {current.title}</span> : null}
        </summary>
        {list}
      </details>
      <div className="hidden lg:block">
        <p className="mt-0 mr-0 mb-3 ml-2 text-xs/[inherit] font-bold tracking-kicker text-muted uppercase">Course</p>
        {list}
      </div>
    </nav>
  )
}
