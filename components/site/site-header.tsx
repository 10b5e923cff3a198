import Link from 'next/link'
import { OfflineBadge } from './offline'
import { Search } from './search'
import { ThemeSwitch } from './theme'

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 h-header border-b border-border bg-bg presenter:hidden">
      <div className="mx-auto flex h-full max-w-360 items-center gap-x-6 gap-y-4 px-5 max-xs:gap-3 max-xs:px-3.5">
        <Link href="/" className="flex items-center gap-2.5 font-bold tracking-[-0.01em] whitespace-nowrap text-text no-underline">
          {/* Three bars: the models' colours. */}
          <span className="grid w-5.5 gap-0.75 *:h-1 *:rounded-xs" aria-hidden="true">
            <span className="w-full bg-process" />
            <span className="ml-[25%] w-3/4 bg-thread" />
            <span className="ml-[10%] w-[55%] bg-async" />
          </span>
          Concurrency Lab
        </Link>
        <nav aria-label="Site" className="flex gap-4 text-body max-xs:hidden *:text-muted *:no-underline *:hover:text-text">
          <Link href="/#course">Course</Link>
        </nav>
        <Search />
        <div className="flex flex-none items-center">
          <OfflineBadge />
          <ThemeSwitch />
        </div>
      </div>
    </header>
  )
}
