/** The course, in teaching order. The only place lesson order lives. */
export const course = [
  'concurrency-in-python',
  'multiprocessing',
  'threading',
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
