"""Ground truth for the event-loop visualizer: what CPython's asyncio really does.

Runs a Python program and prints, as JSON, every callback the event loop runs and every line the
program prints, in order, with the loop time (seconds from the first callback, to 0.1 s):

    "0.0 step Task-1"      a task starts or resumes (Task.__step)
    "1.0 timer Task-2"     a sleep's timer fires; its future is resolved for the task that waits on it
    "1.0 wakeup Task-2"    a task resumes because the future it awaited is done (Task.__wakeup)
    "1.0 gather Task-2"    gather's callback sees one of its children finish
    "1.0 stop"             the main task is done: asyncio.run stops the loop
    "1.0 print [...]"      a line of output

Usage: python3 scripts/trace-asyncio.py content/python/event_loop_gather.py
Record on a quiet machine: under load, CPython's own timers drift by tens of milliseconds, and a
time can round to the next tenth.
The pure-Python Task is swapped in so its methods can be recognised; it schedules exactly as the C one.
Timers set within 10 ms of one another count as due together, as they are on the visualizer's virtual
clock: otherwise, on a busy machine, the loop may wake separately for timers set microseconds apart.
"""

import asyncio
import asyncio.base_events
import asyncio.events
import asyncio.futures
import asyncio.tasks
import json
import sys

asyncio.tasks.Task = asyncio.tasks._PyTask

original_init = asyncio.base_events.BaseEventLoop.__init__


def init_with_resolution(loop, *args, **kwargs):
    original_init(loop, *args, **kwargs)
    loop._clock_resolution = 0.01


asyncio.base_events.BaseEventLoop.__init__ = init_with_resolution

trace = []
state = {'start': None, 'stopped': False}


def now():
    loop = asyncio.get_running_loop()
    if state['start'] is None:
        state['start'] = loop.time()
    return f'{loop.time() - state["start"]:.1f}'


def waiter(future):
    """The task whose wakeup a future will call."""
    for callback, _context in future._callbacks:
        if getattr(callback, '__name__', '') == '__wakeup':
            return callback.__self__.get_name()
    return '?'


def describe(callback, args):
    name = getattr(callback, '__name__', repr(callback))
    if name == '__step':
        return f'step {callback.__self__.get_name()}'
    if name == '__wakeup':
        return f'wakeup {callback.__self__.get_name()}'
    if name == '_set_result_unless_cancelled':
        return f'timer {waiter(args[0])}'
    if name == '_done_callback':
        return f'gather {args[0].get_name()}'
    if name == '_run_until_complete_cb':
        return 'stop'
    return f'other {name}'


original_run = asyncio.events.Handle._run


def traced_run(handle):
    if not state['stopped']:
        event = describe(handle._callback, handle._args)
        trace.append(f'{now()} {event}')
        state['stopped'] = event == 'stop'
    original_run(handle)


asyncio.events.Handle._run = traced_run


class Output:
    """Records each printed line with the loop time."""

    def __init__(self):
        self.pending = ''

    def write(self, text):
        self.pending += text
        *lines, self.pending = self.pending.split('\n')
        for line in lines:
            trace.append(f'{now()} print {line}')
        return len(text)

    def flush(self):
        pass


path = sys.argv[1]
real_stdout, sys.stdout = sys.stdout, Output()
try:
    exec(compile(open(path).read(), path, 'exec'), {'__name__': '__main__'})
finally:
    sys.stdout = real_stdout
json.dump(trace, sys.stdout, indent=2)
print()
