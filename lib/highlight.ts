import 'server-only'
import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import type { ReactNode } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { createHighlighter } from 'shiki'
import { codeThemes } from './code-themes.mjs'

export const highlightedLanguages = ['python', 'typescript', 'tsx', 'javascript', 'yaml', 'json', 'bash', 'text'] as const
export type HighlightLanguage = (typeof highlightedLanguages)[number]

// One highlighter per server process, created on first use; it never reaches the browser.
let highlighter: ReturnType<typeof createHighlighter> | undefined

/** Highlights code as React elements, with `pre` rendered by the given component. */
export async function highlight(
  code: string,
  lang: HighlightLanguage,
  Pre: (props: Record<string, unknown>) => ReactNode,
): Promise<ReactNode> {
  highlighter ??= createHighlighter({ themes: Object.values(codeThemes), langs: [...highlightedLanguages] })
  const hast = (await highlighter).codeToHast(code, { lang, themes: codeThemes })
  return toJsxRuntime(hast, { Fragment, jsx, jsxs, components: { pre: Pre } })
}
