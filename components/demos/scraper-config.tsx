'use client'

import { useId, useMemo, useRef } from 'react'
import { text } from '@/components/demo-kit/controls'
import { defaultConfigYaml, parseConfig, type ConfigProblem } from '@/lib/scraper/config'
import { YamlEditor, YamlProblems, type YamlEditorHandle } from './yaml-editor'

export const controls = {
  config: text({ label: 'Pipeline config (YAML)', default: defaultConfigYaml, maxLength: 4000, rows: 20 }),
}

/** The message a run fails with when the config does not match the schema. */
export function problemsText(problems: ConfigProblem[]) {
  const listed = problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`)
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''
  return `The config has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${listed.join('; ')}${more}.`
}

type Props = {
  source: string
  /** The control's own message (the text is too long), if any. */
  tooLong?: string
  running: boolean
  onChange: (yaml: string) => void
}

/** The pipeline's YAML, checked against the schema as it is typed: what it declares, or its problems by line. */
export function ScraperConfig({ source, tooLong, running, onChange }: Props) {
  const id = useId()
  const editor = useRef<YamlEditorHandle>(null)
  const checked = useMemo(() => (source.length > controls.config.maxLength ? null : parseConfig(source)), [source])
  const problems = checked && !checked.ok ? checked.problems : []

  return (
    <div className="control control-text min-w-0" data-control="config">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <label htmlFor={`${id}-config`} className="control-label">
          {controls.config.label}
        </label>
        <button type="button" className="button button-small" disabled={running || source === defaultConfigYaml} onClick={() => onChange(defaultConfigYaml)}>
          Reset the config
        </button>
      </div>
      <YamlEditor
        ref={editor}
        id={`${id}-config`}
        value={source}
        onChange={onChange}
        marks={problems.map((p) => ({ line: p.line, column: p.column, length: 1 }))}
        errorLines={new Set(problems.map((p) => p.line))}
        disabled={running}
        rows={controls.config.rows}
        invalid={Boolean(tooLong || problems.length)}
        describedBy={`${id}-check${tooLong ? ` ${id}-too-long` : ''}`}
      />
      <div id={`${id}-check`} className="grid gap-2">
        {checked?.ok ? (
          <p className="m-0 text-detail font-semibold text-success">
            <span aria-hidden="true">✓</span> Matches the schema: {checked.config.queues.length} queues, {checked.config.workers.reduce((n, w) => n + w.instances, 0)} worker tasks.
          </p>
        ) : null}
        <YamlProblems
          label="Config problems"
          problems={problems.map((problem) => ({
            mark: { ...problem, length: 1 },
            severity: 'error',
            text: (
              <>
                <strong>Line {problem.line}:</strong> {problem.message}
              </>
            ),
            action: `Go to line ${problem.line}`,
          }))}
          onSelect={(mark) => editor.current?.select(mark)}
        />
      </div>
      {tooLong ? (
        <p id={`${id}-too-long`} className="control-error">
          {tooLong}
        </p>
      ) : null}
    </div>
  )
}
