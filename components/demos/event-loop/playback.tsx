import type { LoadProgress } from '@/workers/entry/python.worker'
import { seconds } from '@/lib/format'
import type { Snapshot } from './scheduler'
import { loadingText } from '../python/use-python'

type ToolbarProps = {
  /** The loop is playing (not paused). */
  playing: boolean
  /** Back is possible: paused, past the first frame. */
  canGoBack: boolean
  /** Step is possible: paused, or before a run. */
  canStep: boolean
  /** End is possible: a run is playing or paused. */
  canEnd: boolean
  /** Loop time shown, in ms. */
  clock: number
  onPlay: () => void
  onBack: () => void
  onStep: () => void
  onEnd: () => void
}

/** Play or pause, one step back or forward, and the loop's clock. */
export function PlaybackToolbar({ playing, canGoBack, canStep, canEnd, clock, onPlay, onBack, onStep, onEnd }: ToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 @3xl:col-span-2" role="toolbar" aria-label="Playback">
      <button type="button" className="button" onClick={onPlay}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="button" onClick={onBack} disabled={!canGoBack}>
        <span aria-hidden="true">‹</span> Back
      </button>
      <button type="button" className="button" onClick={onStep} disabled={!canStep}>
        Step <span aria-hidden="true">›</span>
      </button>
      <button type="button" className="button" onClick={onEnd} disabled={!canEnd}>
        End <span aria-hidden="true">»</span>
      </button>
      <p className="my-0 mr-0 ml-auto font-mono text-heading font-bold tabular-nums">
        <span className="font-sans text-tag font-semibold tracking-caps text-muted uppercase">loop time</span> {seconds(clock, 1)}
      </p>
    </div>
  )
}

/** Before a traced program's first frame: Python loading, then the trace being taken. */
function preparingText(preparing: LoadProgress | 'tracing') {
  return preparing === 'tracing' ? 'Running your program in CPython, recording every step of the event loop…' : loadingText(preparing)
}

/**
 * What the loop just did, read out while paused. `of` is the number of the last step when an
 * earlier one is shown; `preparing` is set while CPython loads and traces a program.
 */
export function EventLine({ frame, of, paused, preparing }: { frame: Snapshot | undefined; of: number | null; paused: boolean; preparing: LoadProgress | 'tracing' | null }) {
  return (
    <p
      className={`m-0 min-h-13.5 rounded-lg border-l-4 px-3.5 py-2.5 text-prose leading-[1.45] @3xl:col-span-2 ${frame && ['block', 'error', 'limit'].includes(frame.event.kind) ? 'border-danger bg-danger-soft' : 'border-async bg-async-soft'}`}
      aria-live={paused || preparing ? 'polite' : 'off'}
      data-kind={frame?.event.kind}
    >
      {preparing ? (
        preparingText(preparing)
      ) : frame ? (
        <>
          <span className="font-mono text-small font-bold text-muted">
            Step {frame.step}
            {of === null ? '' : ` of ${of}`}
          </span>{' '}
          {frame.event.text}
        </>
      ) : (
        'Press Run to play the program, or Step to go one step at a time.'
      )}
    </p>
  )
}
