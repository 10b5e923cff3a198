import { createSerwistRoute } from '@serwist/turbopack'
import { writtenSlugs } from '@/content/written'
import { withPages } from '@/lib/offline/precache'

// The service worker (lib/offline/sw.ts), bundled by esbuild when the site is built and served as
// /serwist/sw.js with its precache manifest: every file of .next/static (chunks, worker chunks,
// styles, fonts; not source maps), then home, the lessons and the search index (lib/offline/precache.ts).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'lib/offline/sw.ts',
  useNativeEsbuild: true,
  globPatterns: ['.next/static/**/*'],
  globIgnores: ['**/*.map'],
  manifestTransforms: [withPages(['/', ...writtenSlugs().map((slug) => `/learn/${slug}`)])],
})
