import createMDX from '@next/mdx'
import { withSerwist } from '@serwist/turbopack'
import { codeThemes } from './lib/code-themes.mjs'

const isDev = process.env.NODE_ENV !== 'production'

/**
 * One policy for every response. Next's App Router streams its payload in inline <script> tags,
 * so script-src needs 'unsafe-inline' (nonces would force every page to render dynamically).
 * 'wasm-unsafe-eval' lets workers compile WebAssembly (Pyodide); it does not allow eval().
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // Workers are module files of this site; the dev server may bootstrap them from blob: URLs.
  `worker-src 'self'${isDev ? ' blob:' : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

export const securityHeaders = [
  // COOP + COEP make the page cross-origin isolated, which is what unlocks SharedArrayBuffer.
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
]

const withMDX = createMDX({
  options: {
    // Turbopack needs plugins by package name with serializable options.
    remarkPlugins: [['remark-gfm']],
    rehypePlugins: [
      ['rehype-slug'],
      ['rehype-autolink-headings', { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
      [
        '@shikijs/rehype',
        {
          themes: codeThemes,
          addLanguageClass: true,
          defaultLanguage: 'text',
        },
      ],
    ],
  },
})

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx', 'mdx'],
  poweredByHeader: false,
  // A server any host can run: .next/standalone/server.js with only the node_modules it needs
  // (scripts/standalone.mjs adds public/ and .next/static). Traced from this folder, wherever the
  // clone sits, so server.js is at the top of .next/standalone and not under a parent's path.
  output: 'standalone',
  outputFileTracingRoot: import.meta.dirname,
  // Python files imported from TypeScript are their text, to run in Pyodide: the asyncio tracer
  // (workers/inside/asyncio-trace.ts) and the asyncio challenges' judge.
  turbopack: { rules: { '*.py': { type: 'text' } } },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Pyodide's files sit under their version (scripts/copy-pyodide.mjs), so a path never changes
      // content: the browser keeps them, and the WebAssembly it compiled, without asking again.
      { source: '/pyodide/:version/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
    ]
  },
}

// Offline (app/serwist/[path]/route.ts): the service worker's route bundles it with esbuild, which stays
// outside the server bundle.
export default withSerwist(withMDX(nextConfig))
