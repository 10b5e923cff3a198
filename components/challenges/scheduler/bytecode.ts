/**
 * The bytecode CPython 3.11 compiles each challenge function to, as `dis.get_instructions` gives
 * it, recorded by scripts/record-bytecode.mts (the browser cannot run `dis`).
 */
import recorded from './bytecode.json'

export type Instruction = {
  offset: number
  opname: string
  arg: number | null
  /** `dis`'s argval: a name, a constant, a jump's target offset, a comparison's operator. */
  argval: number | string | null
  argrepr: string
  /** The source line it belongs to (1 = the `def` line). */
  line: number | null
  /** Set on the first instruction of a line, as `dis` prints the line number there. */
  startsLine: number | null
  /** `>>` in `dis`: some jump lands here. */
  target: boolean
}

export type Recorded = { python: string; functions: { source: string; instructions: Instruction[] }[] }

export const recordedWith: string = (recorded as Recorded).python

const bySource = new Map((recorded as Recorded).functions.map((f) => [f.source, f.instructions]))

/** The recorded bytecode of a function's source. Throws for a source not recorded. */
export function bytecodeOf(source: string): Instruction[] {
  const found = bySource.get(source)
  if (!found) throw new Error(`No bytecode recorded for:\n${source}\nRun: npx tsx scripts/record-bytecode.mts`)
  return found
}

const ends = new Set(['RETURN_VALUE', 'RERAISE', 'RAISE_VARARGS'])

/**
 * Offsets reached without an exception: from the first instruction, along fall-throughs and jumps.
 * The rest is the exception handler a `with` compiles to, run only if its block raises.
 */
export function normalPath(instructions: readonly Instruction[]): Set<number> {
  const at = new Map(instructions.map((ins, i) => [ins.offset, i]))
  const seen = new Set<number>()
  const todo = [0]
  while (todo.length) {
    const i = todo.pop()!
    const ins = instructions[i]
    if (!ins || seen.has(ins.offset)) continue
    seen.add(ins.offset)
    if (ins.opname.includes('JUMP')) todo.push(at.get(ins.argval as number)!)
    if (!ends.has(ins.opname) && !/^JUMP_(FORWARD|BACKWARD)/.test(ins.opname)) todo.push(i + 1)
  }
  return seen
}
