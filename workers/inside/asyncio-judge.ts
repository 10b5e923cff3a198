import type { PyodideAPI } from 'pyodide'
import type { AsyncioCheck, AsyncioVerdict } from '@/components/challenges/asyncio-check'
// The judge is two Python files, run here in Pyodide and by the tests in CPython 3.11.
import challengesSource from '@/components/challenges/asyncio_challenges.py'
import virtualClockSource from './virtual_clock.py'

type CheckJson = (check: string, code: string, start: string) => string

const judges = new WeakMap<PyodideAPI, CheckJson>()

/**
 * Judges `code` for one asyncio challenge (components/challenges/asyncio_challenges.py); its modules
 * load once per interpreter. Run synchronously: Pyodide's own task is not running meanwhile, so the
 * judge's event loop can run its tasks.
 */
export function judgeAsyncio(py: PyodideAPI, check: AsyncioCheck, code: string, start: string): AsyncioVerdict {
  let judge = judges.get(py)
  if (!judge) {
    const namespace = py.toPy({ virtual_clock: virtualClockSource, asyncio_challenges: challengesSource })
    py.runPython(
      `import sys, types
for name in ('virtual_clock', 'asyncio_challenges'):
    module = types.ModuleType(name)
    module.__file__ = name + '.py'
    exec(compile(globals()[name], module.__file__, 'exec'), module.__dict__)
    sys.modules[name] = module
check_json = sys.modules['asyncio_challenges'].check_json`,
      { globals: namespace },
    )
    judge = namespace.get('check_json') as CheckJson
    judges.set(py, judge)
  }
  return JSON.parse(judge(check, code, start)) as AsyncioVerdict
}
