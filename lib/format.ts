/** Numbers and durations as the demos print them: one place, so every demo says them alike. */

/** A whole number with thousands separators: 4000000 → "4,000,000". */
export const count = (n: number) => n.toLocaleString('en-US')

/** Milliseconds as seconds: seconds(1234) → "1.23 s"; seconds(1234, 1) → "1.2 s". */
export const seconds = (ms: number, digits = 2) => `${(ms / 1000).toFixed(digits)} s`

/** Milliseconds: one decimal below 10 ms ("4.7 ms"), else whole with separators ("1,235 ms"). */
export const milliseconds = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${count(Math.round(ms))} ms`)

/** A time on a timeline's axis: milliseconds below a second, then seconds ("250 ms", "1.5 s", "12 s"). */
export const axisTime = (ms: number, digits = 1) => (ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : digits)} s` : `${Math.round(ms)} ms`)

/** `part` of `whole` as a percentage, with more digits when it is a sliver: "32.6%", "0.004%". */
export const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(part && part < whole / 1000 ? 3 : 1)}%`
