import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The lint rule in eslint.config.mjs guarantees that every Web Worker a page starts has an owner
// (useWorkers) and a URL the bundler can see.
const eslint = new ESLint()
async function problems(code: string, filePath = 'components/demos/x-demo.tsx') {
  const [result] = await eslint.lintText(`import { useWorkers } from '@/components/demo-kit/use-workers'\n${code}\n`, { filePath })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

describe('starting a Web Worker (lint)', () => {
  it('is allowed as the spawner a demo hands to useWorkers, with a literal URL', async () => {
    expect(await problems(`export const useX = () => useWorkers<unknown>(() => new Worker(new URL('../../workers/entry/x.worker.ts', import.meta.url), { type: 'module', name: 'x' }))`)).toEqual([])
  })

  it('is refused anywhere else, where nothing would terminate the worker', async () => {
    expect(await problems(`export const start = () => new Worker(new URL('../../workers/entry/x.worker.ts', import.meta.url), { type: 'module' })`)).toEqual([
      expect.stringMatching(/^Start a Web Worker only as useWorkers/),
    ])
    expect(await problems(`export const start = () => new Worker(new URL('./x.worker.ts', import.meta.url))`, 'lib/x.ts')).toHaveLength(1)
  })

  it('is refused with a URL the bundler cannot see', async () => {
    expect(await problems(`const file = '../../workers/entry/x.worker.ts'\nexport const useX = () => useWorkers<unknown>(() => new Worker(new URL(file, import.meta.url)))`)).toEqual([
      expect.stringMatching(/^Write the worker's URL literally/),
    ])
    expect(await problems(`export const useX = () => useWorkers<unknown>(() => new Worker('/x.worker.js'))`)).toHaveLength(1)
  })
})
