'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import type { Lesson } from '@/content/lessons'

/** The course's lessons, the current one marked; a disclosure on narrow screens. */
export function Sidebar({ lessons }: { lessons: Lesson[] }) {
  const pathname = usePathname()
  const current = lessons.find((lesson) => pathname === `/learn/${lesson.slug}`)
  const list = (
    <ol className="sidebar-list">
      {lessons.map((lesson) => {
        const href = `/learn/${lesson.slug}`
        return (
          <li key={lesson.slug}>
            <Link href={href} aria-current={pathname === href ? 'page' : undefined} className="sidebar-link">
              <span className="sidebar-number" aria-hidden="true">
                {lesson.number}
              </span>
              {lesson.title}
            </Link>
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
