import Link from 'next/link'
import { Hero } from '@/components/site/hero'

export default function NotFound() {
  return (
    <main id="content" className="mx-auto max-w-6xl px-5 pt-14 pb-20">
      <Hero kicker="404" title="This page is not in the course." lead="The link may be mistyped, or the lesson is not published yet." />
      <Link href="/#course" className="button button-primary">
        See the course map
      </Link>
    </main>
  )
}
