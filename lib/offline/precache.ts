import type { InjectManifestOptions } from '@serwist/turbopack'

type ManifestTransform = NonNullable<InjectManifestOptions['manifestTransforms']>[number]

/**
 * Adds what a visit must keep beyond the build's static files: the given pages and the search index,
 * revised by the build's id (their URLs do not change when their content does), and the site icon
 * under the URL pages link it by. Runs on the globbed `.next/static` entries, before Serwist turns
 * `.next/` into `/_next/`.
 */
export function withPages(pages: readonly string[]): ManifestTransform {
  return (entries) => {
    // Next writes a build's manifests under its id: .next/static/<build id>/_buildManifest.js.
    const buildId = entries.map((entry) => /^\.next\/static\/([^/]+)\/_buildManifest\.js$/.exec(entry.url)?.[1]).find(Boolean)
    if (!buildId) throw new Error('Precache: no .next/static/<build id>/_buildManifest.js among the build files; run next build first.')
    // app/icon.svg is linked as /icon.svg?<its hashed name in .next/static/media>.
    const icon = entries.find((entry) => /^\.next\/static\/media\/icon\.[^/]+\.svg$/.test(entry.url))
    const added: typeof entries = [...pages, '/search-index.json'].map((url) => ({ url, revision: buildId, size: 0 }))
    // Its name carries its hash: no revision needed.
    if (icon) added.push({ url: `/icon.svg?${icon.url.split('/').pop()}`, revision: null, size: 0 })
    return { manifest: [...entries, ...added], warnings: icon ? [] : ['Precache: no icon.<hash>.svg in .next/static/media; the site icon will not be kept offline.'] }
  }
}
