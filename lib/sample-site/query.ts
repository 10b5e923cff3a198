import { z } from 'zod'
import type { SiteSettings } from './companies'

const accepted = ['latency', 'jitter', 'failures', 'attempt'] as const

const number = (name: string, check: z.ZodNumber) =>
  z
    .string()
    .trim()
    .regex(/^\d+(?:\.\d+)?$/, `${name} must be a plain number, like 250 or 0.1`)
    .transform(Number)
    .pipe(check)

/** The query string every sample page accepts. Unknown names are refused, so a typo is visible. */
export const siteQuery = z.strictObject(
  {
    latency: number('latency', z.number().int('latency is in whole milliseconds').max(5000, 'latency is at most 5000 ms')).default(0),
    jitter: number('jitter', z.number().max(1, 'jitter is at most 1')).default(0.5),
    failures: number('failures', z.number().max(0.5, 'failures is a share of requests, at most 0.5')).default(0),
    attempt: number('attempt', z.number().int('attempt is a whole number').min(1, 'attempt counts from 1').max(20, 'attempt is at most 20')).default(1),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys.join(', ')}; this page accepts ${accepted.join(', ')}`
        : undefined,
  },
) satisfies z.ZodType<SiteSettings, Partial<Record<keyof SiteSettings, string>>>

export const symbolParam = z.string().regex(/^[A-Z]{1,5}$/, 'a symbol is 1 to 5 capital letters')

export type QueryCheck = { ok: true; settings: SiteSettings } | { ok: false; message: string }

/** Parses a page's query string; a repeated name is an error, not a silent choice. */
export function parseSiteQuery(params: URLSearchParams): QueryCheck {
  const entries: Record<string, string> = {}
  for (const [name, value] of params) {
    if (Object.hasOwn(entries, name)) return { ok: false, message: `${name} is given more than once` }
    entries[name] = value
  }
  const parsed = siteQuery.safeParse(entries)
  if (parsed.success) return { ok: true, settings: parsed.data }
  return {
    ok: false,
    message: parsed.error.issues.map((issue) => issue.message).join('; '),
  }
}

/** The query to carry into the site's own links, so every page of a run has the same settings. */
export function settingsQuery({ latency, jitter, failures }: SiteSettings): string {
  return new URLSearchParams({ latency: String(latency), jitter: String(jitter), failures: String(failures) }).toString()
}
