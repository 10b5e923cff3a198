'use client'

import type { ReactNode } from 'react'
import { useEffect, useId, useRef, useState } from 'react'
import { useChallenge, type Verdict } from '@/components/mdx/challenge-client'
import { parsePrediction } from './predict-check'

/**
 * A challenge run that measures on this device: one at a time, aborted when the learner leaves
 * the page (the signal reaches the workers' owner), with what it is doing said as it goes.
 */
function useMeasuredRun() {
  const [phase, setPhase] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])

  async function start(work: (signal: AbortSignal, say: (phase: string) => void) => Promise<void>) {
    if (controller.current) return
    const own = new AbortController()
    controller.current = own
    setFailure(null)
    setPhase('Starting…')
    try {
      await work(own.signal, setPhase)
    } catch (error) {
      if (!own.signal.aborted) setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      controller.current = null
      setPhase(null)
    }
  }
  return { running: phase !== null, phase, failure, start }
}

/**
 * Projected (presenter mode, a wide screen), a form with a code editor fills the slide's column and
 * the editor takes the height left over, scrolling inside itself: the button under it stays in view.
 */
export const projected = {
  form: 'presenter:lg:mt-0 presenter:lg:flex presenter:lg:h-full presenter:lg:flex-col',
  // Its lines a little closer than in the lesson (gutter, marks and text alike, so they stay aligned).
  editor: 'presenter:lg:min-h-24 presenter:lg:flex-1 presenter:lg:*:h-full presenter:lg:[--editor-height:100%] presenter:lg:**:leading-[1.35]',
}

type Parsed = { value: number } | { error: string }

/** A whole number from `min` to `max`, or why the text is not one. */
export const wholeNumber = (label: string, min: number, max: number) => (text: string): Parsed => {
  const value = Number(text.trim())
  return /^\d+$/.test(text.trim()) && value >= min && value <= max ? { value } : { error: `${label} is a whole number from ${min} to ${max}.` }
}

/**
 * A number field's text as typed, and its refusal: `read()` parses it, puts why it is refused under
 * the field (or clears that), and returns the number, or null.
 */
export function useNumberInput(parse: (text: string) => Parsed, initial = '') {
  const [text, setText] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  function read(): number | null {
    const parsed = parse(text)
    setError('error' in parsed ? parsed.error : null)
    return 'error' in parsed ? null : parsed.value
  }
  return { text, setText, error, read }
}

type FieldProps = { label: string; input: ReturnType<typeof useNumberInput>; help?: ReactNode; disabled?: boolean; inputMode?: 'decimal' | 'numeric' }

/** A labelled text field for a number, its message below it, as the demos' controls show theirs. */
export function NumberField({ label, input: { text, setText, error }, help, disabled, inputMode = 'decimal' }: FieldProps) {
  const id = useId()
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="control">
      <label htmlFor={id} className="control-label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        className="control-input"
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => setText(event.target.value)}
      />
      {help ? (
        <p id={`${id}-help`} className="control-help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="control-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

type SelectProps<V extends string> = { label: ReactNode; value: V | ''; options: readonly { value: V; label: string }[]; onChange: (value: V) => void; disabled?: boolean; placeholder?: string }

/** A labelled select. */
export function SelectField<V extends string>({ label, value, options, onChange, disabled, placeholder }: SelectProps<V>) {
  const id = useId()
  return (
    <div className="control">
      <label htmlFor={id} className="control-label">
        {label}
      </label>
      <select id={id} className="control-input" style={{ width: "auto", maxWidth: "100%" }} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as V)}>
        {placeholder !== undefined ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The submit button of a measured challenge, and what the run is doing (or why it failed). */
function RunBar({ label, running, phase, failure, disabled }: { label: string; running: boolean; phase: string | null; failure: string | null; disabled?: boolean }) {
  return (
    <div className="grid gap-2">
      <div>
        <button type="submit" className="button button-primary" disabled={running || disabled}>
          {label}
        </button>
      </div>
      <p className="m-0 text-sm text-[var(--muted)]" role="status">
        {phase ?? ''}
      </p>
      {failure ? (
        <p className="m-0 text-sm text-[var(--danger)]" role="alert">
          The run failed: {failure}
        </p>
      ) : null}
    </div>
  )
}

/** A measured run: it says what it is doing as it goes, and ends with the verdict. */
export type Measure = (signal: AbortSignal, say: (phase: string) => void) => Promise<Verdict>

type MeasuredProps = {
  /** The fields; `running` is true while a run goes on, when they take no changes. */
  children: (running: boolean) => ReactNode
  /** The submit button's label. */
  action: string
  /** Not ready to run yet (the core count is still unknown). */
  disabled?: boolean
  /** On submit: the run to make; a verdict given without running; or null when a field refuses its value (and says why). */
  prepare: () => Measure | Verdict | null
  className?: string
}

/** A challenge checked by a run on this device: its fields, then the button and what the run is doing. */
export function MeasuredForm({ children, action, disabled, prepare, className = 'gap-3' }: MeasuredProps) {
  const { attempt } = useChallenge()
  const { running, phase, failure, start } = useMeasuredRun()
  return (
    <form
      className={`not-prose mt-3 grid ${className}`}
      onSubmit={(event) => {
        event.preventDefault()
        const next = disabled ? null : prepare()
        if (typeof next === 'function') void start(async (signal, say) => attempt(await next(signal, say)))
        else if (next) attempt(next)
      }}
    >
      {children(running)}
      <RunBar label={action} running={running} phase={phase} failure={failure} disabled={disabled} />
    </form>
  )
}

/**
 * "Predict, then measure": the learner writes down a number; Run and compare refuses one that is not
 * a prediction (saying why, under the field), else measures here and judges the prediction.
 */
export function PredictForm({ children, label, disabled, measure }: { children: ReactNode; label: string; disabled?: boolean; measure: (prediction: number, signal: AbortSignal, say: (phase: string) => void) => Promise<Verdict> }) {
  const input = useNumberInput(parsePrediction)
  return (
    <MeasuredForm
      action="Run and compare"
      disabled={disabled}
      prepare={() => {
        const prediction = input.read()
        return prediction === null ? null : (signal, say) => measure(prediction, signal, say)
      }}
    >
      {(running) => (
        <>
          <p className="m-0 text-sm">{children}</p>
          <NumberField label={label} input={input} disabled={running} />
        </>
      )}
    </MeasuredForm>
  )
}
