import { highlight } from '@/lib/highlight'
import { listings } from '@/content/python/listings'
import { commandLine, recorded, runsOf } from '@/lib/python/recorded'
import { CodeBlock } from './code-block'

/** Whether `file` is a listing with recorded CPython output. */
export const hasRecording = (file: string) => runsOf(file).length > 0

/** Whether a listing declares output that changes from run to run. */
const varies = (file: string) => {
  const expectation = listings[file] ?? {}
  return 'figures' in expectation || 'anyOrder' in expectation
}

/**
 * What CPython printed when it ran these listings (files of content/python) in a terminal, recorded
 * by `npm run record:python` and checked against a fresh run by `npm test`.
 */
export async function RecordedOutput({ files }: { files: readonly string[] }) {
  const runs = files.flatMap((file) => {
    const found = runsOf(file)
    if (!found.length) throw new Error(`No recorded CPython output for content/python/${file}: run npm run record:python`)
    return found
  })
  const blocks = await Promise.all(
    runs.map((run) =>
      highlight(run.output || '(no output)', 'text', (props) => <CodeBlock key={commandLine(run)} {...props} language="console" title={`$ ${commandLine(run)}`} />),
    ),
  )
  return (
    <div>
      <p className="mb-0 mt-3 text-sm text-muted">
        Real CPython {recorded.python} ran {runs.length === 1 ? 'this program' : 'these programs'} in a terminal on {recorded.recorded} and printed this.
        {files.some(varies) ? ' Times, process ids and the order of lines printed at once change from run to run.' : ''}
      </p>
      {blocks}
    </div>
  )
}
