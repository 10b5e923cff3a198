import type { Verdict } from '@/components/mdx/challenge-client'

/** The challenges `asyncio_challenges.py` judges, by the name it knows them by. */
export const asyncioChecks = ['overlap', 'blocking', 'timeout', 'semaphore'] as const
export type AsyncioCheck = (typeof asyncioChecks)[number]

/** A verdict, with what the program printed, CPython's traceback if it raised, and its time on the loop's clock. */
export type AsyncioVerdict = Verdict & { stdout: string; traceback: string[] | null; seconds: number | null }

/** The line of the program (main.py) where its traceback ends: where the error was raised, or found. */
export function errorLine(traceback: readonly string[] | null): number | null {
  const lines = (traceback ?? []).flatMap((line) => /^\s*File "main\.py", line (\d+)/.exec(line)?.[1] ?? [])
  return lines.length ? Number(lines.at(-1)) : null
}
