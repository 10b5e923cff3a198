/** The course, in teaching order. The only place lesson order lives. */
export const course = [
  'concurrency-in-python',
  'multiprocessing',
  'processes-pipes-queues',
  'threading',
  'thread-safety',
  'processes-vs-threads',
  'asyncio',
  'asyncio-io-and-aiohttp',
  'yaml',
  'web-scraper',
] as const

export type LessonSlug = (typeof course)[number]

/** What every lesson exports as `metadata` from its MDX file. */
export type LessonMetadata = {
  title: string
  description: string
}

export function isLessonSlug(value: string): value is LessonSlug {
  return (course as readonly string[]).includes(value)
}

/** A lesson that was split in two: `to` took over these demos (by id) and questions (by id) from `from`. */
export type Split = { from: LessonSlug; to: LessonSlug; demos: readonly string[]; questions: readonly string[] }

/**
 * Where the demos and questions of a split lesson went: old links to `from` that name a moved demo
 * (`?demo=`) or section (`#id`) are sent on to `to`, and answers saved under `from` move with their
 * questions. Sections need no list: they are the headings of `to` that `from` no longer has.
 */
export const splits: readonly Split[] = [
  {
    from: 'multiprocessing',
    to: 'processes-pipes-queues',
    demos: ['process', 'pipe', 'queue'],
    questions: ['process-exitcode'],
  },
  {
    from: 'threading',
    to: 'thread-safety',
    demos: ['race-stepper', 'counter', 'semaphore', 'deadlock'],
    questions: ['counter-without-lock', 'exception-without-with', 'deadlock-fix', 'semaphore-time', 'mutual-exclusion'],
  },
]
