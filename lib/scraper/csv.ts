/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string | number): string {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A CSV file: a header line, then one line per record, CRLF line ends as RFC 4180 asks. */
export function toCsv<K extends string>(columns: readonly K[], records: readonly Record<K, string | number>[]): string {
  return [columns, ...records.map((record) => columns.map((column) => record[column]))].map((line) => line.map(field).join(',')).join('\r\n') + '\r\n'
}
