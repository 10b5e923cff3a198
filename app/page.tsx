import Link from 'next/link'
import { CourseMap } from '@/components/site/course-map'
import { getLessons } from '@/content/lessons'

const models = [
  {
    tone: 'process',
    name: 'Multiprocessing',
    api: 'multiprocessing.Pool',
    line: 'Several processes, each with its own interpreter and memory, run on several cores at once.',
    best: 'CPU-bound work',
  },
  {
    tone: 'thread',
    name: 'Threading',
    api: 'threading.Thread',
    line: 'Several threads share one process and its memory; in CPython they take turns holding the GIL.',
    best: 'I/O-bound work with blocking libraries',
  },
  {
    tone: 'async',
    name: 'asyncio',
    api: 'async def / await',
    line: 'One thread, one event loop: coroutines hand control back whenever they wait.',
    best: 'Many concurrent network waits',
  },
] as const

export default async function Home() {
  const lessons = await getLessons()
  return (
    <main id="content" className="home">
      <section className="hero">
        <p className="hero-kicker">An interactive course</p>
        <h1 className="hero-title">
          Python concurrency, <span className="hero-accent">running live</span> in your browser.
        </h1>
        <p className="hero-lead">
          Processes, threads and the event loop — taught with demos that really run concurrently: a pool of Web Workers, a
          counter shared through <code>SharedArrayBuffer</code>, real requests in flight. Change a knob, run it, see why.
        </p>
        {lessons[0] ? (
          <Link href={`/learn/${lessons[0].slug}`} className="button button-primary button-large">
            Start with lesson 1 →
          </Link>
        ) : null}
      </section>

      <section aria-labelledby="models" className="models">
        <h2 id="models" className="section-title">
          Three models
        </h2>
        <ul className="model-grid">
          {models.map((model) => (
            <li key={model.name} className={`model-card tone-${model.tone}`}>
              <p className="model-name">{model.name}</p>
              <p className="model-api">
                <code>{model.api}</code>
              </p>
              <p>{model.line}</p>
              <p className="model-best">
                <span>Best for</span> {model.best}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section id="course" aria-labelledby="course-title" className="course-map">
        <h2 id="course-title" className="section-title">
          The course
        </h2>
        <CourseMap lessons={lessons} />
      </section>
    </main>
  )
}
