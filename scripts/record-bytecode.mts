/**
 * Records, with CPython 3.11, the bytecode of every function the scheduler challenges show
 * (components/challenges/scheduler/bytecode.json). Run it after changing a program:
 * `npx tsx scripts/record-bytecode.mts`. A unit test fails while the file is out of date.
 */
import { writeFileSync } from 'node:fs'
import { disassemble, recordedPath } from '../components/challenges/scheduler/record'
import { allSources } from '../components/challenges/scheduler/programs'

const python = process.env.PYTHON ?? '/usr/bin/python3'
const recorded = disassemble(python, allSources())
// One instruction a line: diffs show what changed.
const lines = recorded.functions.map(({ source, instructions }) => `{"source":${JSON.stringify(source)},"instructions":[\n${instructions.map((i) => JSON.stringify(i)).join(",\n")}\n]}`)
writeFileSync(recordedPath, `{"python":${JSON.stringify(recorded.python)},"functions":[\n${lines.join(",\n")}\n]}\n`)
console.log(`${recorded.functions.length} functions recorded with CPython ${recorded.python} in ${recordedPath}`)
