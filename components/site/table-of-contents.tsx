'use client'

import { useEffect, useState } from 'react'
import type { TocEntry } from '@/lib/outline'

/** "On this page", with the section being read marked as you scroll. */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  const [active, setActive] = useState<string | null>(null)

  useEffect(() => {
    const headings = entries.map((entry) => document.getElementById(entry.id)).filter((el) => el !== null)
    const observer = new IntersectionObserver(
      (records) => {
        const visible = records.filter((r) => r.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)
        if (visible[0]) setActive(visible[0].target.id)
      },
      { rootMargin: '0px 0px -70% 0px' },
    )
    headings.forEach((heading) => observer.observe(heading))
    return () => observer.disconnect()
  }, [entries])

  if (entries.length === 0) return null
  return (
    <nav aria-label="On this page" className="sticky top-[calc(var(--header-h)+2rem)] pt-10 pr-4 pb-8 text-code">
      <p className="mt-0 mr-0 mb-3 ml-2 text-xs/[inherit] font-bold tracking-kicker text-muted uppercase">On this page</p>
      <ul className="grid gap-0.5 border-l border-border">
        {entries.map((entry) => (
          <li key={entry.id} data-depth={entry.depth} className="data-[depth=3]:pl-3">
            <a
              href={`#${entry.id}`}
              aria-current={active === entry.id ? 'location' : undefined}
              className="-ml-px block border-l-2 border-transparent py-0.75 pl-3 leading-[1.35] text-muted no-underline hover:text-text aria-[current=location]:border-accent aria-[current=location]:font-semibold aria-[current=location]:text-accent"
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
