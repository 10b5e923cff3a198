'use client'

import { useState } from 'react'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { bool, choice, int } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { chooseModel, type Advice } from './chooser'
import './chooser-demo.css'

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

const tones: Record<Advice['model'], string> = {
  multiprocessing: 'tone-process',
  threading: 'tone-thread',
  asyncio: 'tone-async',
  'asyncio + processes': 'tone-async',
  'no concurrency': '',
}

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
        <div className={`chooser-answer ${tones[advice.model]}`}>
          <p className="chooser-model">{advice.model}</p>
          <p className="chooser-api">
            <code>{advice.api}</code>
          </p>
          <p className="chooser-heading">Why</p>
          <ul>
            {advice.why.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {advice.watch.length ? (
            <>
              <p className="chooser-heading">Watch out</p>
              <ul>
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
