import Link from 'next/link'
import { CourseMap } from '@/components/site/course-map'
import { Hero } from '@/components/site/hero'
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

/** Each model's colour: the card's top edge and its name. */
const tones = {
  process: { edge: 'border-t-process', name: 'text-process' },
  thread: { edge: 'border-t-thread', name: 'text-thread' },
  async: { edge: 'border-t-async', name: 'text-async' },
} as const
const sectionTitle = 'mt-14 mb-5 text-heading font-heavy tracking-heading'

export default async function Home() {
  const lessons = await getLessons()
  return (
    <main id="content" className="mx-auto max-w-6xl px-5 pt-14 pb-20">
      <section className="max-w-200">
        <Hero
          kicker="An interactive course"
          title={
            <>
              Python concurrency, <span className="bg-linear-to-r/srgb from-process via-thread via-55% to-async bg-clip-text text-transparent">running live</span> in your browser.
            </>
          }
          lead={
            <>
              Processes, threads and the event loop — taught with demos that really run concurrently: a pool of Web Workers, a
              counter shared through <code>SharedArrayBuffer</code>, real requests in flight. Change a knob, run it, see why.
            </>
          }
        />
        {lessons[0] ? (
          <Link href={`/learn/${lessons[0].slug}`} className="button button-primary button-large">
            Start with lesson 1 →
          </Link>
        ) : null}
      </section>

      <section aria-labelledby="models">
        <h2 id="models" className={sectionTitle}>
          Three models
        </h2>
        <ul className="grid grid-cols-panels gap-4">
          {models.map((model) => (
            <li key={model.name} className={`rounded-card border border-t-4 border-border bg-surface px-5.5 py-5 *:mt-0 *:mb-2.5 ${tones[model.tone].edge}`}>
              <p className={`text-title font-heavy ${tones[model.tone].name}`}>{model.name}</p>
              <p>
                <code className="text-detail">{model.api}</code>
              </p>
              <p>{model.line}</p>
              <p className="text-ui text-muted">
                <span className="block text-xs/[inherit] font-bold tracking-label text-text uppercase">Best for</span> {model.best}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section id="course" aria-labelledby="course-title">
        <h2 id="course-title" className={sectionTitle}>
          The course
        </h2>
        <CourseMap lessons={lessons} />
      </section>
    </main>
  )
}
