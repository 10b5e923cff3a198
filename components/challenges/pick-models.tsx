'use client'

import { useState } from 'react'
import type { Model } from '@/components/demos/chooser'
import { useChallenge } from '@/components/mdx/challenge-client'
import { SelectField } from './challenge-form'
import { judgeModels, models, type Workload } from './models-check'

const options = models.map((model) => ({ value: model, label: model }))

/** Pick a model for each workload; Check runs the "Which model?" chooser on each and compares. */
export function PickModels({ workloads }: { workloads: Workload[] }) {
  const { attempt } = useChallenge()
  const [picks, setPicks] = useState<(Model | '')[]>(() => workloads.map(() => ''))

  return (
    <form
      className="not-prose mt-3 grid gap-3"
      onSubmit={(event) => {
        event.preventDefault()
        attempt(judgeModels(workloads, picks))
      }}
    >
      {workloads.map((workload, i) => (
        <SelectField
          key={workload.name}
          label={workload.name}
          value={picks[i]!}
          options={options}
          placeholder="Pick a model"
          onChange={(model) => setPicks((old) => old.map((pick, j) => (j === i ? model : pick)))}
        />
      ))}
      <div>
        <button type="submit" className="button button-primary">
          Run the chooser on each
        </button>
      </div>
    </form>
  )
}
