import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // A worker module calls Comlink's expose() when loaded: outside its worker it would listen to the page.
    files: ['app/**', 'components/**', 'content/**', 'workers/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '\\.worker$', allowTypeImports: true, message: 'Import only types from a worker module; start workers with useWorkers().' }] },
      ],
    },
  },
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'public/**', 'test-results/**', 'playwright-report/**']),
])
