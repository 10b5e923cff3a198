'use client'

import type { ComponentProps, ReactNode } from 'react'
import { useCores } from './use-cores'

/** A demo's key figures: a description list laid out as a grid of cards. */
export function Stats({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={className ? `stat-grid ${className}` : 'stat-grid'}>{children}</dl>
}

/**
 * One figure of `<Stats>`: its label, and its value (the `<dd>`, which takes any of its attributes).
 * A value not known yet (null, undefined or false) shows as a dash.
 */
export function Stat({ label, children, ...value }: { label: ReactNode } & ComponentProps<'dd'>) {
  const unknown = children === null || children === undefined || children === false
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd {...value}>{unknown ? '–' : children}</dd>
    </div>
  )
}

/** The device's logical cores, as the worker demos show them beside their workers. */
export function CoresStat() {
  return <Stat label="Cores on this device">{useCores()}</Stat>
}
