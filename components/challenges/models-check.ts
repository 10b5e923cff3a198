import type { Verdict } from '@/components/mdx/challenge-client'
import { chooseModel, type Model, type Task } from '@/components/demos/chooser'

/** A job described in words, with the facts the chooser reads. */
export type Workload = { name: string; task: Task }
export const models: readonly Model[] = ['multiprocessing', 'threading', 'asyncio', 'asyncio + processes', 'no concurrency']

/** The learner's model for each workload, against the chooser run on that workload's facts. */
export function judgeModels(workloads: readonly Workload[], picks: readonly (Model | '')[]): Verdict {
  const advice = workloads.map((w) => chooseModel(w.task))
  const wrong = workloads.flatMap((w, i) => (picks[i] === advice[i]!.model ? [] : [{ w, pick: picks[i], advice: advice[i]! }]))
  const right = workloads.length - wrong.length
  if (!wrong.length) return { solved: true, message: `The chooser agrees on all ${workloads.length}: ${workloads.map((w, i) => `${w.name}, ${advice[i]!.model}`).join('; ')}.` }
  // A job with no pick yet is not given away: the chooser's answer comes only against a pick.
  const told = wrong.map(({ w, pick, advice: a }) => (pick ? `${w.name}: ${a.model}, not ${pick}. ${a.why[0]}` : `${w.name}: no model picked yet.`))
  return { solved: false, message: `The chooser agrees on ${right} of ${workloads.length}. ${told.join(' ')}` }
}
