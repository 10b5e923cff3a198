'use client'

import { useRef, useState } from 'react'

/** Copies the text of the code block it sits in. */
export function CopyButton({ className }: { className?: string }) {
  const ref = useRef<HTMLButtonElement>(null)
  const [copied, setCopied] = useState(false)

  async function copy() {
    const code = ref.current?.closest('figure')?.querySelector('pre')?.textContent ?? ''
    try {
      await navigator.clipboard.writeText(code)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      // Clipboard access can be refused (permissions, insecure context); the code stays selectable.
    }
  }

  return (
    <button ref={ref} type="button" onClick={copy} className={`cursor-pointer rounded-[0.4rem] border border-border bg-bg px-[0.6rem] py-[0.2rem] text-label font-semibold text-muted hover:text-text ${className ?? ''}`} aria-label={copied ? 'Copied' : 'Copy code'}>
      <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
    </button>
  )
}
