'use client'

import { useRef, useState } from 'react'

/** Copies the text of the code block it sits in. */
export function CopyButton() {
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
    <button ref={ref} type="button" onClick={copy} className="code-copy" aria-label={copied ? 'Copied' : 'Copy code'}>
      <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
    </button>
  )
}
