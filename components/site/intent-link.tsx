'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import type { ComponentProps } from 'react'

type Props = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string }

/**
 * A link that prefetches its page when the reader reaches for it (pointer over it, focus, touch),
 * not when it scrolls into view. A plain `next/link` in the sidebar prefetched every lesson on every
 * page load: 22 requests that shared the browser's six connections, and the server, with the page's
 * own demos (a gather started from a `&run=1` link queued behind them), and for a class of 200
 * students, 4,400 requests nobody asked for.
 */
export function IntentLink({ href, onPointerEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter()
  const prefetch = () => router.prefetch(href)
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onPointerEnter={(event) => {
        prefetch()
        onPointerEnter?.(event)
      }}
      onFocus={(event) => {
        prefetch()
        onFocus?.(event)
      }}
      onTouchStart={(event) => {
        prefetch()
        onTouchStart?.(event)
      }}
    />
  )
}
