const regionMarker = /^\s*(?:\/\/|#)\s*#(?:end)?region\b.*$/

/**
 * The part of a source file between `#region name` and `#endregion` markers (`//` or `#` comments),
 * dedented, with every marker line removed; the whole file when no region is named.
 */
export function extractRegion(source: string, region?: string): string {
  const lines = source.replace(/\r\n/g, '\n').split('\n')
  let selected = lines
  if (region) {
    const start = lines.findIndex((line) => new RegExp(`^\\s*(?://|#)\\s*#region ${region}\\s*$`).test(line))
    if (start === -1) throw new Error(`#region ${region} not found`)
    let depth = 0
    let end = -1
    for (let i = start + 1; i < lines.length; i++) {
      if (/^\s*(?:\/\/|#)\s*#region\b/.test(lines[i]!)) depth++
      else if (/^\s*(?:\/\/|#)\s*#endregion\b/.test(lines[i]!)) {
        if (depth === 0) {
          end = i
          break
        }
        depth--
      }
    }
    if (end === -1) throw new Error(`#region ${region} has no #endregion`)
    selected = lines.slice(start + 1, end)
  }
  const kept = selected.filter((line) => !regionMarker.test(line))
  while (kept.length && kept[0]!.trim() === '') kept.shift()
  while (kept.length && kept.at(-1)!.trim() === '') kept.pop()
  const indent = Math.min(...kept.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length))
  return kept.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n')
}
