import Link from 'next/link'
import { OfflineBadge } from './offline'
import { Search } from './search'
import { ThemeSwitch } from './theme'

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-logo">
          <span className="site-logo-mark" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          Concurrency Lab
        </Link>
        <nav aria-label="Site" className="site-nav">
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
