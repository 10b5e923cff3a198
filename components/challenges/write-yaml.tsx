'use client'

import { useId, useMemo, useState } from 'react'
import { parseYaml, toPython } from '@/components/demos/yaml-parse'
import { YamlEditor } from '@/components/demos/yaml-editor'
import { useChallenge } from '@/components/mdx/challenge-client'
import { projected } from './challenge-form'
import { checkYaml } from './yaml-check'

type Props = {
  /** The document the learner starts from. */
  start: string
  /** The value `yaml.safe_load` must return, written as Python's `repr` prints it. */
  expected: string
  rows?: number
}

/**
 * "Write the YAML": edit a document until PyYAML's `safe_load` would return the value asked for.
 * Loaded with the playground's parser under PyYAML's YAML 1.1 rules; what it loads to shows as
 * the learner types, and Check compares it with the value, key by key.
 */
export function WriteYaml({ start, expected, rows = 6 }: Props) {
  const id = useId()
  const { attempt } = useChallenge()
  const [source, setSource] = useState(start)
  const parsed = useMemo(() => parseYaml(source, '1.1'), [source])
  const marks = parsed.errors.map(({ line, column, length }) => ({ line, column, length }))
  const loads = parsed.errors.length ? null : parsed.documents.length === 1 ? toPython(parsed.documents[0]!) : null

  return (
    <form
      className={`not-prose mt-3 grid gap-2 ${projected.form}`}
      onSubmit={(event) => {
        event.preventDefault()
        attempt(checkYaml(source, expected))
      }}
    >
      <p className="m-0 text-sm">
        Asked for: <code className="font-mono">{expected}</code>
      </p>
      <label htmlFor={`${id}-yaml`} className="control-label">
        Your YAML
      </label>
      <div className={projected.editor}>
        <YamlEditor
          id={`${id}-yaml`}
          value={source}
          onChange={setSource}
          marks={marks}
          errorLines={new Set(marks.map((mark) => mark.line))}
          invalid={parsed.errors.length > 0}
          describedBy={`${id}-loads`}
          rows={rows}
        />
      </div>
      <p id={`${id}-loads`} className="m-0 text-sm" aria-live="polite">
        {parsed.errors.length
          ? `Does not load: line ${parsed.errors[0]!.line}, column ${parsed.errors[0]!.column}: ${parsed.errors[0]!.message}`
          : loads !== null
            ? <>safe_load returns <code className="font-mono">{loads}</code></>
            : `${parsed.documents.length} documents: safe_load reads exactly one.`}
      </p>
      <div>
        <button type="submit" className="button button-primary">
          Check
        </button>
      </div>
    </form>
  )
}
