'use client'

import type { ReactNode } from 'react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { ControlField } from './control-field'
import { presetSearch, type ControlSpecs } from './controls'
import { useDemoSlots } from './demo-slots'
import { isolationMessage, networkMessage, type DemoHandle } from './use-demo'

type DemoFrameProps<C extends ControlSpecs, R> = {
  demo: DemoHandle<C, R>
  title: string
  description?: ReactNode
  /** Replaces the automatic controls, for demos that lay them out themselves. */
  controls?: ReactNode
  /** Words after "Run" on the run button, e.g. "the pool". */
  runLabel?: string
  /** The live view: timelines, logs, tables. */
  children?: ReactNode
}

/**
 * The frame every demo uses, and the public contract instructors and tests rely on:
 * `<section data-demo data-state data-result>`, a Run and a Stop button, labelled controls preset
 * from `?demo=<id>&name=value`, the result as text in `role="status"`, errors in `role="alert"`.
 */
export function DemoFrame<C extends ControlSpecs, R>({
  demo,
  title,
  description,
  controls,
  runLabel,
  children,
}: DemoFrameProps<C, R>) {
  // The code tabs and the "differs" line come from the lesson's <Demo> around this demo.
  const { code, differs } = useDemoSlots()
  const titleId = useId()
  const section = useRef<HTMLElement>(null)
  const { linked } = demo
  useEffect(() => {
    if (!linked) return
    section.current?.scrollIntoView({ block: 'start' })
    section.current?.focus({ preventScroll: true })
  }, [linked])
  const running = demo.state === 'running'
  // One lasting callback per control, so a control's field redraws only when its own props change,
  // not every time a demo's live view does.
  const { controls: specs, setRaw } = demo
  const onRaw = useMemo(
    () => Object.fromEntries(Object.keys(specs).map((name) => [name, (raw: string) => setRaw(name, raw)])) as Record<string, (raw: string) => void>,
    [specs, setRaw],
  )
  const [shared, setShared] = useState<string | null>(null)
  const [fullscreen, setFullscreen] = useState(false)

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === section.current)
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [])

  /** A link that opens this demo with its current settings: the preset query string. */
  async function copyLink() {
    const url = `${location.origin}${location.pathname}${presetSearch(demo.id, demo.controls, demo.raws)}`
    try {
      await navigator.clipboard.writeText(url)
      setShared('Link copied.')
    } catch {
      setShared(`Copy this link: ${url}`)
    }
  }
  const result = demo.state === 'done' && demo.outcome ? JSON.stringify(demo.outcome.result) : undefined

  return (
    <section
      ref={section}
      id={`demo-${demo.id}`}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="demo not-prose"
      data-demo={demo.id}
      data-state={demo.state}
      data-result={result}
    >
      <header className="demo-header">
        <p className="kicker">Live demo</p>
        <h3 id={titleId} className="demo-title">
          {title}
        </h3>
        <div className="demo-tools">
          {/* Enabled in the server's HTML, as Run is: a click before hydration is held and replayed (lazy-demo.tsx). */}
          <button type="button" className="demo-tool" onClick={copyLink}>
            Copy link
          </button>
          <button
            type="button"
            className="demo-tool"
            onClick={() => (fullscreen ? document.exitFullscreen() : section.current?.requestFullscreen())}
          >
            {fullscreen ? 'Exit full screen' : 'Full screen'}
          </button>
          <span aria-live="polite" className="demo-shared">
            {shared}
          </span>
        </div>
        {description ? <div className="demo-description">{description}</div> : null}
      </header>

      {demo.isolated ? null : (
        <p className="demo-isolation" role="note">
          {isolationMessage}
        </p>
      )}
      {demo.reachable ? null : (
        <p className="demo-isolation" role="note">
          {networkMessage}
        </p>
      )}

      <form
        className="demo-controls"
        onSubmit={(event) => {
          event.preventDefault()
          void demo.run()
        }}
      >
        <fieldset className="demo-controls-fields">
          {controls ??
            (Object.keys(demo.controls) as (keyof C & string)[]).map((name) => (
              <ControlField
                key={name}
                name={name}
                spec={demo.controls[name]!}
                raw={demo.raws[name]}
                error={demo.errors[name]}
                disabled={running}
                onChange={onRaw[name]!}
              />
            ))}
        </fieldset>
        <div className="demo-actions">
          <button type="submit" className="button button-primary" disabled={running}>
            <span aria-hidden="true">▶</span> Run{runLabel ? ` ${runLabel}` : ''}
          </button>
          <button type="button" className="button" disabled={!running} onClick={demo.stop}>
            <span aria-hidden="true">■</span> Stop
          </button>
        </div>
      </form>

      <div role="status" className="demo-status">
        {running ? 'Running…' : demo.state === 'done' ? demo.outcome?.summary : demo.notice}
      </div>
      <div role="alert" className="demo-error">
        {demo.state === 'error' && demo.error ? demo.error : null}
      </div>

      {children ? <div className="demo-live">{children}</div> : null}
      {differs ? (
        <p className="demo-differs">
          <span className="demo-differs-label">In the browser:</span> {differs}
        </p>
      ) : null}
      {code ? <div className="demo-code">{code}</div> : null}
    </section>
  )
}
