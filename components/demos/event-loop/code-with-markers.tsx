import type { ReactNode } from 'react'
import type { Snapshot } from './scheduler'

type Mark = { names: string[]; running: boolean; blocked: boolean }

/** The line each started task is at, and who is there: the running task marks its line as running (or blocking). */
function marksOf(frame: Snapshot | undefined): Map<number, Mark> {
  const marks = new Map<number, Mark>()
  for (const task of frame?.tasks ?? []) {
    if (task.state === 'done' || !task.started) continue
    const line = task.stack.at(-1)?.line ?? 0
    // A traced task may be in code that is not the program's (a library's coroutine): no line to mark.
    if (line < 1) continue
    const mark = marks.get(line) ?? { names: [], running: false, blocked: false }
    mark.names.push(task.name)
    if (task.name === frame!.running) {
      mark.running = true
      mark.blocked = frame!.blocked
    }
    marks.set(line, mark)
  }
  return marks
}

/** The highlighted program, with a bar on each line a task is at and the tasks named beside it. */
export function CodeWithMarkers({ source, frame, label, children }: { source: string; frame: Snapshot | undefined; label: string; children: ReactNode }) {
  const lines = source.split('\n')
  const marks = marksOf(frame)
  return (
    // Focusable, so the code can be scrolled sideways from the keyboard.
    <div className="el-code-body" role="region" aria-label={label} tabIndex={0}>
      <div className="el-marks" aria-hidden="true">
        {[...marks].map(([line, mark]) => (
          <div
            key={line}
            className="el-mark"
            data-running={mark.running ? '' : undefined}
            data-blocked={mark.blocked ? '' : undefined}
            style={{ ['--line' as string]: line - 1, ['--indent' as string]: (lines[line - 1] ?? '').trimEnd().length }}
          >
            <span className="el-mark-names">◀ {mark.names.join(' ')}</span>
          </div>
        ))}
      </div>
      {children}
      <p className="sr-only">
        {[...marks].map(([line, mark]) => `${mark.names.join(', ')} ${mark.names.length > 1 ? 'are' : 'is'} at line ${line}${mark.running ? ', running' : ''}.`).join(' ')}
      </p>
    </div>
  )
}
