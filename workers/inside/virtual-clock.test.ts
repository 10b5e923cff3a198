/**
 * virtual_clock.py, the event loop on a virtual clock that judges the asyncio challenges in Pyodide,
 * tested under CPython 3.11: its own unittest module, virtual_clock_test.py.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCPython } from '@/lib/python/cpython'

const found = findCPython()

describe.skipIf(!found.python)(`virtual_clock.py under CPython${found.python ? '' : ` (skipped: ${(found as { why: string }).why})`}`, () => {
  it('passes its unit tests', () => {
    const run = spawnSync(found.python!.command, ['-m', 'unittest', '-v', 'virtual_clock_test'], {
      cwd: path.resolve('workers/inside'),
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    })
    expect(run.stderr).toMatch(/^Ran 8 tests in .*\n\nOK\n$/m)
    expect(run.status, run.stderr).toBe(0)
  })
})
