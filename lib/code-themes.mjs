/**
 * Shiki's light and dark themes: the MDX pipeline (next.config.mjs) and lib/highlight.ts share them.
 * The "-default" GitHub themes keep every token at WCAG AA contrast (4.5:1) on their backgrounds;
 * plain github-light/-dark do not (comments fall to 3:1).
 */
export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' }
