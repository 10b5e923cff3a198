/** The programs the Python demo offers, each a file of content/python/. */
export const pythonExamples = {
  gather: { label: 'coroutines with gather', file: 'content/python/pyodide_gather.py' },
  blocking: { label: 'a blocking call', file: 'content/python/pyodide_blocking.py' },
  threads: { label: 'threads', file: 'content/python/pyodide_threads.py' },
  processes: { label: 'processes', file: 'content/python/pyodide_processes.py' },
} as const

export type PythonExampleId = keyof typeof pythonExamples
export const pythonExampleIds = Object.keys(pythonExamples) as PythonExampleId[]

/** One line on why a program that needs threads or processes cannot run here, or null. */
export function whyNot(error: string): string | null {
  if (/can't start new thread|threads? (?:are|is) not supported/i.test(error)) {
    return 'Pyodide runs Python on the one thread of a Web Worker, and this WebAssembly build cannot start another: threading, ThreadPoolExecutor and asyncio.to_thread all need one.'
  }
  if (/multiprocessing|_posixsubprocess|fork|spawn|subprocess/i.test(error)) {
    return 'A web page cannot start operating-system processes, so Pyodide leaves out what multiprocessing needs to create them.'
  }
  return null
}
