/** Node only: runs `dis` in CPython over function sources (record_bytecode.py). For the recorder and the tests. */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Recorded } from './bytecode'

export const recordedPath = path.resolve('components/challenges/scheduler/bytecode.json')

export function disassemble(python: string, sources: string[]): Recorded {
  const script = path.resolve('components/challenges/scheduler/record_bytecode.py')
  const out = JSON.parse(execFileSync(python, [script], { input: JSON.stringify(sources), encoding: 'utf8' })) as {
    python: string
    functions: Recorded['functions'][number]['instructions'][]
  }
  return { python: out.python, functions: sources.map((source, i) => ({ source, instructions: out.functions[i]! })) }
}
