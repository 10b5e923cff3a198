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

/** A line's bar: where the running task is (or blocks the loop), or where others wait. */
function markTone(mark: Mark) {
  if (mark.blocked) return 'border-danger bg-danger/18'
  if (mark.running) return 'border-async bg-async/22'
  return 'border-muted bg-muted/12'
}

/** The highlighted program, with a bar on each line a task is at and the tasks named beside it. */
export function CodeWithMarkers({ source, frame, label, children }: { source: string; frame: Snapshot | undefined; label: string; children: ReactNode }) {
  const lines = source.split('\n')
  const marks = marksOf(frame)
  return (
    // Focusable, so the code can be scrolled sideways from the keyboard.
    <div className="relative overflow-x-auto rounded-box border border-border bg-bg font-mono text-code" role="region" aria-label={label} tabIndex={0}>
      <div className="pointer-events-none absolute inset-0 min-w-max" aria-hidden="true">
        {[...marks].map(([line, mark]) => (
          <div
            key={line}
            className={`absolute inset-x-0 h-(--el-line) border-l-4 ${markTone(mark)}`}
            data-running={mark.running ? '' : undefined}
            data-blocked={mark.blocked ? '' : undefined}
            style={{ top: `calc(0.75rem + ${line - 1} * var(--el-line))` }}
          >
            <span className={`absolute font-bold whitespace-nowrap ${mark.blocked ? 'text-danger' : mark.running ? 'text-async' : 'text-muted'}`} style={{ left: `calc(1rem + ${(lines[line - 1] ?? '').trimEnd().length + 2}ch)` }}>◀ {mark.names.join(' ')}</span>
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
