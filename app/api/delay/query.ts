import { z } from 'zod'

/** The longest wait the API grants, in milliseconds. */
export const maxDelayMs = 10_000

const whole = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} is required: a whole number from ${min} to ${max}.` })
    .regex(/^\d+$/, { error: `${name} must be a whole number from ${min} to ${max}.` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${name} must be from ${min} to ${max}.` })

/**
 * `GET /api/delay?ms=N[&status=S][&id=I]`: wait N ms, then answer with status S (200 by default). An
 * error status makes the server fail on purpose, to practise error handling. `id` is echoed back: it
 * tells apart requests that are otherwise the same (and their entries in the browser's Resource Timing).
 */
export const delayQuery = z.strictObject(
  {
    ms: whole('ms', 0, maxDelayMs),
    status: whole('status', 200, 599)
      .refine((s) => s === 200 || s >= 400, { error: 'status must be 200, or an error status from 400 to 599.' })
      .default(200),
    id: z
      .string()
      .regex(/^[\w-]{1,64}$/, { error: 'id must be 1 to 64 letters, digits, - or _.' })
      .optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown parameter: ${issue.keys.join(', ')}. Use ms, status and id.` : undefined) },
)

export type DelayQuery = z.infer<typeof delayQuery>

/** Parses a query string; every problem is a message for a 400 answer, never an exception. */
export function parseDelayQuery(params: URLSearchParams): { ok: true; query: DelayQuery } | { ok: false; error: string } {
  const raw = new Map<string, string>()
  for (const [name, value] of params) {
    if (raw.has(name)) return { ok: false, error: `${name} is given more than once.` }
    raw.set(name, value)
  }
  // fromEntries defines own properties, so even a parameter named __proto__ is just an unknown key.
  const parsed = delayQuery.safeParse(Object.fromEntries(raw))
  if (parsed.success) return { ok: true, query: parsed.data }
  return { ok: false, error: parsed.error.issues[0]!.message }
}
