import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { loadPyodide, type PyodideAPI } from 'pyodide'
import { beforeAll, describe, expect, it } from 'vitest'
import { asyncioChecks } from '@/components/challenges/asyncio-check'
import { findCPython } from '@/lib/python/cpython'
import { importModules } from './python-modules'

const { python } = findCPython()
const read = (file: string) => readFileSync(file, 'utf8')
const startOf = (check: string) => read(`components/challenges/asyncio-start/${check}.py`)

/** The judge in CPython, as content/challenges.test.ts runs it. */
const cpythonJudge = (check: string, code: string, start: string) =>
  JSON.parse(
    execFileSync(python!.command, ['-c', 'import json, sys\nimport asyncio_challenges\nprint(asyncio_challenges.check_json(*json.load(sys.stdin)))'], {
      input: JSON.stringify([check, code, start]),
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: [path.resolve('components/challenges'), path.resolve('workers/inside')].join(path.delimiter), PYTHONDONTWRITEBYTECODE: '1' },
    }),
  ) as unknown

// One interpreter, as the Python worker has: the tracer and the judge share its virtual_clock module.
describe('the asyncio judge in Pyodide, beside the tracer', () => {
  let py: PyodideAPI
  beforeAll(async () => {
    py = await loadPyodide()
  }, 180_000)

  const judge = (check: string, code: string) =>
    JSON.parse(importModules(py, [['virtual_clock', read('workers/inside/virtual_clock.py')], ['asyncio_challenges', read('components/challenges/asyncio_challenges.py')]]).check_json(check, code, startOf(check)) as string) as { solved: boolean; message: string }

  it('loads virtual_clock once for both', () => {
    importModules(py, [['virtual_clock', read('workers/inside/virtual_clock.py')], ['asyncio_trace', read('workers/inside/asyncio_trace.py')]])
    judge('overlap', startOf('overlap'))
    // Loaded twice, each would have a Stop of its own.
    expect(py.runPython('import asyncio_trace, asyncio_challenges\nasyncio_trace.Stop is asyncio_challenges.Stop')).toBe(true)
  })

  it.each(asyncioChecks)('%s: the start gets the verdict CPython gives it', (check) => {
    const verdict = judge(check, startOf(check))
    expect(verdict.solved).toBe(false)
    if (python) expect(verdict).toEqual(cpythonJudge(check, startOf(check), startOf(check)))
  }, 60_000)
})
