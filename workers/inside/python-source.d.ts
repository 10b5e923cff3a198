/** A Python file imported as its text (next.config.mjs: turbopack rule `'*.py': { type: 'text' }`), to run in Pyodide. */
declare module '*.py' {
  const source: string
  export default source
}
