'use client'

import { useId, useMemo, useRef, useState } from 'react'
import { ControlField } from '@/components/demo-kit/control-field'
import { DemoFrame } from '@/components/demo-kit/demo-frame'
import { choice, text } from '@/components/demo-kit/controls'
import { useDemo } from '@/components/demo-kit/use-demo'
import { Stat, Stats } from '@/components/demo-kit/stats'
import { parseYaml, pythonType, toJson, toPython, type YamlParse, type YamlValue } from './yaml-parse'
import { YamlEditor, YamlProblems, type YamlEditorHandle } from './yaml-editor'

const notesExample = `rest:
  url: "https://example.org/primenumbers/v1"
  port: 8443

prime_numbers: [2, 3, 5, 7, 11, 13, 17, 19]
`

const examples: { label: string; source: string }[] = [
  { label: 'The notes’ example', source: notesExample },
  {
    label: 'Three documents',
    source: `# One file, three documents: safe_load_all yields each in turn.
name: list worker
instances: 1
---
name: quote worker
instances: 4
---
name: sink
instances: 1
`,
  },
  {
    label: 'Yes, no and Norway',
    source: `# YAML 1.1 (PyYAML) reads these words as booleans.
answer: yes
country: NO
switch: off
version: 3.10
quoted: "NO"
`,
  },
  { label: 'A syntax error', source: `rest:\n  url: "https://example.org/primenumbers/v1"\n  port: 8443\n\nprime_numbers: [2, 3, 5, 7, 11, 13, 17, 19\n` },
  { label: 'A Python tag', source: `# yaml.load with an unsafe Loader would run this. safe_load refuses it.\n!!python/object/apply:os.system ["echo hacked"]\n` },
]

const sizeLimit = 10_000

const controls = {
  source: text({ label: 'YAML', default: notesExample, maxLength: sizeLimit, rows: 12 }),
  version: choice({
    label: 'Read it as',
    options: [
      { value: '1.1', label: 'YAML 1.1, like PyYAML' },
      { value: '1.2', label: 'YAML 1.2' },
    ],
    default: '1.1',
  }),
}

type YamlResult = { ok: true; documents: number } | { ok: false; line: number; column: number; message: string }

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Scalars coloured by their Python type. */
const scalarTone: Partial<Record<string, string>> = { str: 'text-async', int: 'text-process', float: 'text-process', bool: 'font-bold text-deep', None: 'font-bold text-deep' }
/** A value's Python type, as a tag beside it. */
const typeTag = 'mx-2 rounded-sm bg-surface-2 px-1.5 font-mono text-xs/[inherit] font-semibold text-muted'

function Scalar({ value }: { value: YamlValue }) {
  return <code className={`wrap-anywhere ${scalarTone[pythonType(value)] ?? ''}`}>{toPython(value)}</code>
}

/** One node of the value tree: a dict or list opens into its items, a scalar shows its Python value. */
function Tree({ value }: { value: YamlValue }) {
  const entries: [string, YamlValue][] | null =
    value instanceof Map
      ? [...value].map(([k, v]) => [typeof k === 'string' ? k : toPython(k), v])
      : Array.isArray(value) || value instanceof Set
        ? [...value].map((v, i) => [String(i), v])
        : null
  if (!entries) return <Scalar value={value} />
  if (entries.length === 0) return <code className="wrap-anywhere">{value instanceof Map ? '{}' : '[]'}</code>
  return (
    <ul className="m-0 border-l border-dashed border-border pl-4.5 font-mono text-code leading-[1.7]">
      {entries.map(([key, item]) => (
        <li key={key}>
          <span className={value instanceof Map ? 'font-bold' : 'font-bold text-muted'}>{value instanceof Map ? key : `[${key}]`}</span>
          <span className={typeTag}>{pythonType(item)}</span>
          {item instanceof Map || Array.isArray(item) || item instanceof Set ? <Tree value={item} /> : <Scalar value={item} />}
        </li>
      ))}
    </ul>
  )
}

type View = 'tree' | 'json' | 'python'
const views: { value: View; label: string }[] = [
  { value: 'tree', label: 'Tree' },
  { value: 'json', label: 'JSON' },
  { value: 'python', label: 'Python' },
]

function Documents({ parsed }: { parsed: YamlParse }) {
  const [view, setView] = useState<View>('tree')
  const label = useId()
  if (parsed.documents.length === 0) return <p className="m-0 text-muted">No documents yet: type some YAML.</p>
  return (
    <div className="grid grid-cols-1 gap-3">
      <div className="mb-3 flex flex-wrap items-center gap-1.5" role="group" aria-labelledby={label}>
        <span id={label} className="mr-1 text-detail font-demi">
          Show the value as
        </span>
        {views.map((v) => (
          <button key={v.value} type="button" className="button button-small aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-on-accent" aria-pressed={view === v.value} onClick={() => setView(v.value)}>
            {v.label}
          </button>
        ))}
      </div>
      {parsed.documents.map((doc, i) => (
        <section key={i} className="demo-box overflow-x-auto px-4 py-3 [&>ul]:border-l-0 [&>ul]:pl-1.5" aria-label={`Document ${i + 1}`}>
          <p className="mt-0 mb-1.5 font-bold">
            Document {i + 1} <span className={typeTag}>{pythonType(doc)}</span>
          </p>
          {view === 'tree' ? (
            <Tree value={doc} />
          ) : (
            <pre className="m-0 font-mono text-code whitespace-pre-wrap wrap-anywhere">{view === 'json' ? JSON.stringify(toJson(doc), null, 2) : toPython(doc)}</pre>
          )}
        </section>
      ))}
    </div>
  )
}

/** The YAML playground: parse as you type, see the value as Python would, and where it breaks. */
export function YamlDemo() {
  const demo = useDemo({
    id: 'yaml',
    controls,
    run: async ({ source, version }): Promise<{ result: YamlResult; summary: string }> => {
      const { documents, errors } = parseYaml(source, version)
      const first = errors[0]
      if (first) {
        return {
          result: { ok: false, line: first.line, column: first.column, message: first.message },
          summary: `Not valid YAML: line ${first.line}, column ${first.column}: ${first.message}`,
        }
      }
      return { result: { ok: true, documents: documents.length }, summary: `Valid YAML: ${plural(documents.length, 'document')}.` }
    },
  })

  const source = demo.raws.source
  const version = demo.raws.version === '1.2' ? '1.2' : '1.1'
  const tooLong = demo.errors.source
  // A few milliseconds even at the size limit: parsing on every keystroke keeps up.
  const parsed = useMemo(() => (source.length > sizeLimit ? null : parseYaml(source, version)), [source, version])
  const problems = parsed ? [...parsed.errors, ...parsed.warnings] : []

  const editor = useRef<YamlEditorHandle>(null)
  const id = useId()
  const errorLines = new Set(parsed?.errors.map((e) => e.line))
  const running = demo.state === 'running'

  const fields = (
    <>
      <div className="control control-text min-w-0" data-control="source">
        <label htmlFor={`${id}-source`} className="control-label">
          YAML
        </label>
        <div className="flex flex-wrap gap-1.5" role="group" aria-label="Load an example">
          {examples.map((example) => (
            <button key={example.label} type="button" className="button button-small" disabled={running} onClick={() => demo.setRaw('source', example.source)}>
              {example.label}
            </button>
          ))}
        </div>
        <YamlEditor
          ref={editor}
          id={`${id}-source`}
          value={source}
          onChange={(value) => demo.setRaw('source', value)}
          marks={parsed ? problems : []}
          errorLines={errorLines}
          disabled={running}
          invalid={Boolean(tooLong || parsed?.errors.length)}
          describedBy={`${id}-size${tooLong ? ` ${id}-too-long` : ''}`}
        />
        <p id={`${id}-size`} className="control-help max-w-none">
          {source.length.toLocaleString('en-US')} of {sizeLimit.toLocaleString('en-US')} characters. Parsed as you type; Run reports the result.
        </p>
        {tooLong ? (
          <p id={`${id}-too-long`} className="control-error">
            {tooLong} Nothing is parsed past the limit: a size cap is the first defence against hostile input.
          </p>
        ) : null}
      </div>
      <ControlField name="version" spec={controls.version} raw={demo.raws.version} error={demo.errors.version} disabled={running} onChange={(raw) => demo.setRaw('version', raw)} />
    </>
  )

  return (
    <DemoFrame
      demo={demo}
      title="YAML playground"
      description="Edit the YAML. It is parsed as you type with the yaml package's safe defaults: the value appears as a tree, as JSON, or as Python would print it, and errors are marked in the text."
      runLabel="the parser"
      controls={fields}
    >
      {parsed ? (
        <div className="grid grid-cols-1 gap-4">
          <Stats className="m-0 grid-cols-figures">
            <Stat label="Documents">{parsed.documents.length}</Stat>
            <Stat label="Errors">{parsed.errors.length}</Stat>
            <Stat label="Warnings">{parsed.warnings.length}</Stat>
          </Stats>
          <YamlProblems
            label="Problems"
            problems={problems.map((problem, i) => {
              const isError = i < parsed.errors.length
              return {
                mark: problem,
                severity: isError ? 'error' : 'warning',
                text: (
                  <>
                    <strong>
                      {isError ? 'Error' : 'Warning'} at line {problem.line}, column {problem.column}:
                    </strong>{' '}
                    {problem.message}
                    {!isError && /Unresolved tag/.test(problem.message) ? ' — kept as plain data. PyYAML’s safe_load raises ConstructorError here instead of building anything.' : ''}
                  </>
                ),
                action: 'Select it in the text',
              }
            })}
            onSelect={(mark) => editor.current?.select(mark)}
          />
          {parsed.errors.length === 0 ? <Documents parsed={parsed} /> : null}
        </div>
      ) : null}
    </DemoFrame>
  )
}
