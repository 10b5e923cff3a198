import type { ReactNode } from 'react'

/** One column of `<RunsTable>`: its heading and its cell; figures are right-aligned in monospace. */
export type RunsColumn<R> = { label: string; figure?: boolean; cell: (run: R) => ReactNode; tone?: (run: R) => string | undefined }

/** The last few runs of a demo, newest first, so a learner can compare settings. Nothing until the first run. */
export function RunsTable<R extends { id: number }>({ runs, columns }: { runs: readonly R[]; columns: readonly RunsColumn<R>[] }) {
  if (!runs.length) return null
  const pad = (i: number) => (i < columns.length - 1 ? 'py-1 pr-3' : 'py-1')
  return (
    <div className="mt-4 overflow-x-auto" role="region" aria-label="Recent runs (scrolls sideways)" tabIndex={0}>
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-semibold text-muted">Recent runs, newest first</caption>
        <thead>
          <tr className="border-b border-border">
            {columns.map((column, i) => (
              <th key={column.label} scope="col" className={column.figure ? `${pad(i)} text-right` : pad(i)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="font-mono">
          {runs.map((run) => (
            <tr key={run.id} className="border-b border-border last:border-0">
              {columns.map((column, i) => (
                <td key={column.label} className={[pad(i), column.figure ? 'text-right' : 'font-sans', column.tone?.(run)].filter(Boolean).join(' ')}>
                  {column.cell(run)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
