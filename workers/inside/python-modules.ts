import type { PyodideAPI } from 'pyodide'

type PyModule = ReturnType<PyodideAPI['pyimport']>

const loaded = new WeakMap<PyodideAPI, Map<string, PyModule>>()

/**
 * Makes Python files importable by name in `py` (`import virtual_clock`), each run once per
 * interpreter, in the order given: a module comes after the ones it imports. Returns the last one.
 */
export function importModules(py: PyodideAPI, modules: [name: string, source: string][]): PyModule {
  const done = loaded.get(py) ?? new Map<string, PyModule>()
  loaded.set(py, done)
  const todo = modules.filter(([name]) => !done.has(name))
  if (todo.length) {
    const namespace = py.toPy({ modules: todo })
    py.runPython(
      `import sys, types
for name, source in modules:
    module = types.ModuleType(name)
    module.__file__ = name + '.py'
    sys.modules[name] = module
    exec(compile(source, module.__file__, 'exec'), module.__dict__)`,
      { globals: namespace },
    )
    namespace.destroy()
    for (const [name] of todo) done.set(name, py.pyimport(name))
  }
  return done.get(modules.at(-1)![0])!
}
