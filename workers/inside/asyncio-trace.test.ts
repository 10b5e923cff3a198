import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { loadPyodide, type PyodideAPI } from 'pyodide'
import { beforeAll, describe, expect, it } from 'vitest'
import traces from '@/components/demos/event-loop/asyncio-traces.json'
import { exampleIds, examples } from '@/components/demos/event-loop/examples'
import { EventLoop } from '@/components/demos/event-loop/scheduler'
import { findCPython } from '@/lib/python/cpython'
import type { AsyncioTrace } from './asyncio-trace'
import { importModules } from './python-modules'

const run = promisify(execFile)
const tracer = 'workers/inside/asyncio_trace.py'
const { python } = findCPython()

describe('the asyncio tracer in CPython', () => {
  it.skipIf(!python)('passes its own tests (workers/inside/test_asyncio_trace.py)', async () => {
    const { stderr } = await run(python!.command, ['-m', 'unittest', 'workers/inside/test_asyncio_trace.py'], { timeout: 120_000 })
    expect(stderr).toMatch(/\nOK( \(skipped=\d+\))?\n$/)
  }, 150_000)
})

// The browser runs the same file in Pyodide, a newer CPython whose asyncio differs inside.
describe('the asyncio tracer in Pyodide, as the browser runs it', () => {
  let py: PyodideAPI
  let traced: (source: string, file: string, maxSeconds?: number) => AsyncioTrace
  beforeAll(async () => {
    py = await loadPyodide()
    const tracerModule = importModules(py, [
      ['virtual_clock', readFileSync('workers/inside/virtual_clock.py', 'utf8')],
      ['asyncio_trace', readFileSync(tracer, 'utf8')],
    ])
    traced = (source, file, maxSeconds = 5) => JSON.parse(tracerModule.trace_json_for(source, file, maxSeconds) as string) as AsyncioTrace
  }, 180_000)

  it.each(exampleIds)('%s: the callbacks CPython 3.11 recorded, and the TypeScript scheduler runs', (id) => {
    const file = examples[id].file
    const source = readFileSync(file, 'utf8')
    const result = traced(source, file)
    expect(result.python).toMatch(/^3\.1[3-9]\./)
    expect(result.trace).toEqual(traces[id])
    const loop = new EventLoop(examples[id].build(source))
    loop.runToEnd()
    expect(result.trace).toEqual(loop.trace)
  }, 60_000)

  it.skipIf(!python)('plays every frame of every example as CPython 3.11 does', async () => {
    for (const id of exampleIds) {
      const file = examples[id].file
      const { stdout } = await run(python!.command, [tracer, file], { timeout: 60_000 })
      const cpython = JSON.parse(stdout) as AsyncioTrace
      expect(traced(readFileSync(file, 'utf8'), file).frames, id).toEqual(cpython.frames)
    }
  }, 120_000)

  it('stops a loop that never awaits, and shows the traceback of one that raises', () => {
    // A one-line loop: Python 3.12+ reports its lines to the tracer, 3.11 its instructions.
    const endless = traced('import asyncio\n\nasync def main():\n    while True: pass\n\nasyncio.run(main())\n', 'main.py', 0.2)
    expect(endless.stopped).toMatch(/^Stopped after 0.2 s of computing/)
    expect(endless.frames.at(-1)!.event.kind).toBe('limit')
    const raising = traced('import asyncio\n\nasync def main():\n    raise KeyError("x")\n\nasyncio.run(main())\n', 'main.py')
    expect(raising.error).toMatchObject({ type: 'KeyError', message: "KeyError: 'x'" })
    expect(raising.error!.traceback).toContain('  File "main.py", line 4, in main')
    expect(raising.error!.traceback.join('\n')).not.toMatch(/asyncio_trace|virtual_clock|tasks\.py.*__step/)
  }, 60_000)
})

describe('the recorder', () => {
  it.skipIf(!python)('scripts/trace-asyncio.py prints the recorded traces, times and all', async () => {
    for (const id of exampleIds) {
      const { stdout } = await run(python!.command, [path.join('scripts', 'trace-asyncio.py'), examples[id].file], { timeout: 60_000 })
      expect(JSON.parse(stdout), id).toEqual(traces[id])
    }
  }, 120_000)
})
