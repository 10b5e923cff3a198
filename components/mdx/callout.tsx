import type { ReactNode } from 'react'

/** Each kind's label, icon and colour: the box's edge and tint, the title, the icon's disc. */
const kinds = {
  note: { label: 'Note', icon: 'i', box: 'border-note/35 border-l-note bg-note-soft', title: 'text-note', disc: 'bg-note' },
  pitfall: { label: 'Pitfall', icon: '!', box: 'border-pitfall/35 border-l-pitfall bg-pitfall-soft', title: 'text-pitfall', disc: 'bg-pitfall' },
  'deep-dive': { label: 'Deep dive', icon: '↓', box: 'border-deep/35 border-l-deep bg-deep-soft', title: 'text-deep', disc: 'bg-deep' },
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
    <div role="note" className={`my-7 rounded-card border border-l-4 px-5 py-4 ${kind.box}`}>
      <p className={`not-prose mb-[0.35rem] flex items-center gap-2 font-bold ${kind.title}`}>
        <span className={`grid size-[1.3rem] place-items-center rounded-full text-xs/[inherit] font-extrabold text-bg ${kind.disc}`} aria-hidden="true">
          {kind.icon}
        </span>
        {title ?? kind.label}
      </p>
      <div className="[&>:first-child]:mt-0 [&>:last-child]:mb-0">{children}</div>
    </div>
  )
}
