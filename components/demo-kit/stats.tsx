import type { ComponentProps, ReactNode } from 'react'

/** A demo's key figures: a description list laid out as a grid of cards. */
export function Stats({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={className ? `stat-grid ${className}` : 'stat-grid'}>{children}</dl>
}

/** One figure of `<Stats>`: its label, and its value (the `<dd>`, which takes any of its attributes). */
export function Stat({ label, children, ...value }: { label: ReactNode } & ComponentProps<'dd'>) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd {...value}>{children}</dd>
    </div>
  )
}
