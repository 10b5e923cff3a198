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
  {
    // A page's Web Worker needs an owner to terminate it (useWorkers), and the bundler emits its chunk
    // only for a literal new Worker(new URL('…', import.meta.url)): allow exactly that and nothing else.
    files: ['app/**', 'components/**', 'content/**', 'lib/**', 'workers/**'],
    ignores: ['**/*.test.ts', 'workers/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Worker']:not(CallExpression[callee.name='useWorkers'] > ArrowFunctionExpression.arguments > NewExpression.body)",
          message: 'Start a Web Worker only as useWorkers(() => new Worker(…)), so that it has an owner to terminate it.',
        },
        {
          selector:
            "CallExpression[callee.name='useWorkers'] > ArrowFunctionExpression > NewExpression.body:not([arguments.0.type='NewExpression'][arguments.0.callee.name='URL'][arguments.0.arguments.0.type='Literal'][arguments.0.arguments.1.property.name='url'][arguments.0.arguments.1.object.type='MetaProperty'])",
          message: "Write the worker's URL literally, new URL('../../workers/entry/x.worker.ts', import.meta.url): the bundler emits a chunk only for that.",
        },
      ],
    },
  },
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'public/**', 'test-results/**', 'playwright-report/**']),
])
