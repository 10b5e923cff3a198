'use client'

import type { ReactNode } from 'react'
import { useEffect, useId, useRef, useState } from 'react'

/**
 * A challenge run that measures on this device: one at a time, aborted when the learner leaves
 * the page (the signal reaches the workers' owner), with what it is doing said as it goes.
 */
export function useMeasuredRun() {
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

type FieldProps = { label: string; value: string; onChange: (value: string) => void; error?: string | null; help?: ReactNode; disabled?: boolean; inputMode?: 'decimal' | 'numeric' }

/** A labelled text field for a number, its message below it, as the demos' controls show theirs. */
export function NumberField({ label, value, onChange, error, help, disabled, inputMode = 'decimal' }: FieldProps) {
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
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
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
export function RunBar({ label, running, phase, failure, disabled }: { label: string; running: boolean; phase: string | null; failure: string | null; disabled?: boolean }) {
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
