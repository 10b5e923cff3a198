import type { PyodideAPI } from 'pyodide'
import type { AsyncioCheck, AsyncioVerdict } from '@/components/challenges/asyncio-check'
// The judge is two Python files, run here in Pyodide and by the tests in CPython 3.11.
import challengesSource from '@/components/challenges/asyncio_challenges.py'
import { importModules } from './python-modules'
import virtualClockSource from './virtual_clock.py'

/**
 * Judges `code` for one asyncio challenge (components/challenges/asyncio_challenges.py); its modules
 * load once per interpreter. Run synchronously: Pyodide's own task is not running meanwhile, so the
 * judge's event loop can run its tasks.
 */
export function judgeAsyncio(py: PyodideAPI, check: AsyncioCheck, code: string, start: string): AsyncioVerdict {
  const judge = importModules(py, [
    ['virtual_clock', virtualClockSource],
    ['asyncio_challenges', challengesSource],
  ])
  return JSON.parse(judge.check_json(check, code, start) as string) as AsyncioVerdict
}
