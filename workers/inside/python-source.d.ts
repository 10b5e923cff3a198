/** A Python file imported as its text (a rule in next.config.mjs), to run in Pyodide. */
declare module '*.py' {
  const source: string
  export default source
}
