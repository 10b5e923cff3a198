import type { ReactNode } from 'react'

const kinds = {
  note: { label: 'Note', icon: 'i' },
  pitfall: { label: 'Pitfall', icon: '!' },
  'deep-dive': { label: 'Deep dive', icon: '↓' },
} as const

type CalloutProps = {
  type?: keyof typeof kinds
  /** Replaces the default label ("Note", "Pitfall", "Deep dive"). */
  title?: string
  children: ReactNode
}

/** A boxed aside in a lesson: a note, a pitfall to avoid, or a deep dive for the curious. */
export function Callout({ type = 'note', title, children }: CalloutProps) {
  const kind = kinds[type]
  return (
    <div role="note" className={`callout callout-${type}`}>
      <p className="callout-title">
        <span className="callout-icon" aria-hidden="true">
          {kind.icon}
        </span>
        {title ?? kind.label}
      </p>
      <div className="callout-body">{children}</div>
    </div>
  )
}
