'use client'

import { memo, useId } from 'react'
import type { ControlSpec, ControlSpecs, Errors, RawValues } from './controls'

type ControlFieldProps = {
  name: string
  spec: ControlSpec
  raw: string
  error?: string
  disabled?: boolean
  onChange: (raw: string) => void
}

const rangeHint = (spec: ControlSpec) =>
  spec.kind === 'int' || spec.kind === 'int-or-none' || spec.kind === 'decimal'
    ? `${spec.min.toLocaleString('en-US')}–${spec.max.toLocaleString('en-US')}${spec.unit ? ` ${spec.unit}` : ''}${spec.kind === 'int-or-none' ? `, or ${spec.none}` : ''}`
    : undefined
const inputModes = { int: 'numeric', 'int-or-none': 'text', decimal: 'decimal' } as const

/**
 * One labelled control. A bad value keeps its text and gets its message right below. Memoized: a
 * demo whose live view redraws several times a second leaves its controls alone.
 */
export const ControlField = memo(function ControlField({ name, spec, raw, error, disabled, onChange }: ControlFieldProps) {
  const id = useId()
  const errorId = `${id}-error`
  const helpId = `${id}-help`
  const describedBy = [error ? errorId : null, spec.help ? helpId : null].filter(Boolean).join(' ') || undefined
  const hint = rangeHint(spec)

  const message = (
    <>
      {spec.help ? (
        <p id={helpId} className="control-help">
          {spec.help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="control-error">
          {error}
        </p>
      ) : null}
    </>
  )

  if (spec.kind === 'choice') {
    return (
      <fieldset className="control" data-control={name} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
        <legend className="control-label">{spec.label}</legend>
        <div className="segmented">
          {spec.options.map((option) => (
            <label key={option.value} className="segmented-option">
              <input
                type="radio"
                name={id}
                value={option.value}
                checked={raw === option.value}
                disabled={disabled}
                onChange={() => onChange(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
        {message}
      </fieldset>
    )
  }

  if (spec.kind === 'bool') {
    return (
      <div className="control control-bool" data-control={name}>
        <label className="control-check">
          <input
            type="checkbox"
            checked={/^(true|1|yes|on)$/i.test(raw)}
            disabled={disabled}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange(String(event.target.checked))}
          />
          <span>{spec.label}</span>
        </label>
        {message}
      </div>
    )
  }

  if (spec.kind === 'text') {
    return (
      <div className="control control-text" data-control={name}>
        <label htmlFor={id} className="control-label">
          {spec.label}
        </label>
        <textarea
          id={id}
          value={raw}
          rows={spec.rows ?? 8}
          spellCheck={false}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
          className="control-input control-textarea"
        />
        {message}
      </div>
    )
  }

  return (
    <div className="control" data-control={name}>
      <label htmlFor={id} className="control-label">
        {spec.label} {hint ? <span className="control-range">({hint})</span> : null}
      </label>
      <input
        id={id}
        type="text"
        inputMode={inputModes[spec.kind]}
        autoComplete="off"
        value={raw}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
        className="control-input"
      />
      {message}
    </div>
  )
})

type DemoControls<C extends ControlSpecs> = { controls: C; raws: RawValues<C>; errors: Errors<C>; setRaw: (name: keyof C, raw: string) => void }

/** One of a demo's controls, by name, for a demo that lays out its controls itself. */
export function DemoControl<C extends ControlSpecs>({ demo, name, disabled }: { demo: DemoControls<C>; name: keyof C & string; disabled?: boolean }) {
  return (
    <ControlField
      name={name}
      spec={demo.controls[name]!}
      raw={demo.raws[name]}
      error={demo.errors[name]}
      disabled={disabled}
      onChange={(raw) => demo.setRaw(name, raw)}
    />
  )
}
