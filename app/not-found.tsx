import Link from 'next/link'

export default function NotFound() {
  return (
    <main id="content" className="mx-auto max-w-6xl px-5 pt-14 pb-20">
      <p className="hero-kicker">404</p>
      <h1 className="hero-title">This page is not in the course.</h1>
      <p className="hero-lead">The link may be mistyped, or the lesson is not published yet.</p>
      <Link href="/#course" className="button button-primary">
        See the course map
      </Link>
    </main>
  )
}
