"""Ground truth for the event-loop visualizer: what CPython's asyncio really does.

Runs a Python program under the visualizer's tracer (workers/inside/asyncio_trace.py, the same file
the browser runs in Pyodide) and prints, as JSON, every callback the event loop runs and every line
the program prints, in order, with the time on the loop's virtual clock (seconds, to 0.1 s):

    "0.0 step Task-1"      a task starts or resumes (Task.__step)
    "1.0 timer Task-2"     a sleep's timer fires; its future is resolved for the task that waits on it
    "1.0 wakeup Task-2"    a task resumes because the future it awaited is done (Task.__wakeup)
    "1.0 gather Task-2"    gather's callback sees one of its children finish
    "1.0 stop"             the main task is done: asyncio.run stops the loop
    "1.0 print [...]"      a line of output

Usage: python3 scripts/trace-asyncio.py content/python/event_loop_gather.py
The clock is virtual, so the times are exact on any machine, however busy: a sleep moves it to the
timer, computing moves it by the instructions run (see the tracer).
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'workers', 'inside'))
from asyncio_trace import trace  # noqa: E402

path = sys.argv[1]
with open(path) as f:
    result = trace(f.read(), filename=path)
if result['error'] or result['stopped']:
    sys.exit('\n'.join(result['error']['traceback']) if result['error'] else result['stopped'])
json.dump(result['trace'], sys.stdout, indent=2, ensure_ascii=False)
print()
