'use client'

import { useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { bool, choice, int } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { chooseModel, type Advice } from './chooser'

const controls = {
  bound: choice({
    label: 'Each task mostly…',
    options: [
      { value: 'cpu', label: 'computes (CPU-bound)' },
      { value: 'io', label: 'waits on I/O' },
    ],
    default: 'cpu',
  }),
  waits: choice({
    label: 'Network or disk waits per task',
    options: [
      { value: 'few', label: 'few' },
      { value: 'many', label: 'many' },
    ],
    default: 'few',
  }),
  shared: bool({ label: 'Tasks update shared state', default: false }),
  tasks: int({ label: 'Tasks', min: 1, max: 100_000, default: 8 }),
}

/** The answer is coloured by the model it recommends: its left edge and its name. */
const tones: Record<Advice['model'], { edge: string; name: string }> = {
  multiprocessing: { edge: 'border-l-process', name: 'text-process' },
  threading: { edge: 'border-l-thread', name: 'text-thread' },
  asyncio: { edge: 'border-l-async', name: 'text-async' },
  'asyncio + processes': { edge: 'border-l-async', name: 'text-async' },
  'no concurrency': { edge: 'border-l-muted', name: 'text-text' },
}

const heading = 'mt-3 mb-1 text-label font-bold tracking-caps text-muted uppercase'
const list = 'm-0 list-disc space-y-1 pl-5'

/** "Which model?": describe a task, get the model, the Python API and the reasons. */
export function ChooserDemo() {
  const [advice, setAdvice] = useState<Advice | null>(null)
  const demo = useDemo({
    id: 'chooser',
    controls,
    run: async (task) => {
      const answer = chooseModel(task)
      setAdvice(answer)
      return {
        result: { model: answer.model, api: answer.api },
        summary: `Recommended: ${answer.model}.`,
      }
    },
  })

  return (
    <DemoFrame
      demo={demo}
      title="Which model?"
      description="Describe your task; get the concurrency model to reach for, the Python API, and why."
      runLabel="the chooser"
    >
      {advice && demo.state === 'done' ? (
        <div className={`rounded-card border border-l-5 border-border bg-bg px-5 py-4.5 ${tones[advice.model].edge}`}>
          <p className={`m-0 text-heading font-extrabold tracking-heading ${tones[advice.model].name}`}>{advice.model}</p>
          <p className="mt-1 mb-3">
            <code className="text-body">{advice.api}</code>
          </p>
          <p className={heading}>Why</p>
          <ul className={list}>
            {advice.why.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {advice.watch.length ? (
            <>
              <p className={heading}>Watch out</p>
              <ul className={list}>
                {advice.watch.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </DemoFrame>
  )
}
