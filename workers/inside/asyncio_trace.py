"""Traces a learner's asyncio program in real CPython, step by step, for the event-loop visualizer.

The program runs under an instrumented event loop on a virtual clock (virtual_clock.py, the clock
the asyncio challenges are judged on). `asyncio.sleep(1)` costs nothing: when nothing is ready, the
loop's select() moves the clock to the next timer at once.
Computing does cost time: the clock moves on in tenths of a second of CPU time spent inside a
callback, and `time.sleep` moves it on by its argument, while the loop is frozen (a "block" step).

Every step is a frame in the visualizer's format (components/demos/event-loop/scheduler.ts,
`Snapshot`): the tasks, the ready queue, the timers, the running task and the line it is at, and
what was printed. `trace` lists the callbacks the loop ran and the printed lines in the format of
scripts/trace-asyncio.py, which the TypeScript scheduler's own trace is compared with.

The same file runs in Pyodide (the Python worker, CPython 3.13+) and in CPython 3.11 (the tests), so
it leans on public hooks: virtual_clock's loop (a BaseEventLoop, as CPython's own tests build
their TestLoop), its `call_soon` / `call_at` / `time`, a task factory, and `asyncio.Runner`. The
private pieces are the pure-Python Task (`asyncio.tasks._PyTask`), whose `__step` and `__wakeup` are
Python methods that can be recognised in the ready queue (it schedules exactly as the C Task does),
and BaseEventLoop's hooks for loop implementations (`_selector`, `_process_events`,
`_write_to_self`, `_check_closed`), which CPython's own TestLoop uses too.
"""

import asyncio
import asyncio.futures
import asyncio.tasks
import inspect
import json
import linecache
import sys
import time
import traceback

from virtual_clock import Clock, Stop, VirtualClockLoop, check_sleep, run as run_on_virtual_clock

#: Most frames one trace records; past it the program is stopped.
MAX_STEPS = 500
#: Seconds of computing after which a program that never finishes is stopped.
MAX_SECONDS = 5.0
#: Computing is charged to the clock by the lines and bytecode instructions the program runs, this
#: many seconds each: the same program moves the clock the same way on any machine, however busy
#: (a real clock would not, and Pyodide's is the wall clock). A slow CPython: half a million a second.
INSTRUCTION = 2e-6
#: The clock moves on in steps of this much computing (seconds): the few instructions of an
#: ordinary step never move it, so timers set in one step stay due together.
CPU_TICK = 0.1


def _seconds(t):
    return f'{t:.1f}'


def _ms(t):
    return round(t * 1000)


def _repr(value, limit=60):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + '…'


def _is_coroutine_frame(frame):
    return bool(frame.f_code.co_flags & inspect.CO_COROUTINE)


class Tracer:
    """The state of one traced run: the clock, the frames so far, and what the visualizer needs to
    know about each task (its last stack, what it waits on, the gather it belongs to)."""

    def __init__(self, filename='main.py', max_steps=MAX_STEPS, max_seconds=MAX_SECONDS):
        self.filename = filename
        self.max_steps = max_steps
        self.max_seconds = max_seconds
        #: The program's one clock: its loops' (one per asyncio.run), and time.sleep's outside them.
        self.clock = Clock()
        self.frames = []
        self.output = []
        self.stdout = []
        self.trace = []
        self.tasks = []
        #: Every task the loop made (its factory's count names them), recorded or not.
        self.task_names = {}
        self.started = set()
        self.stacks = {}
        self.waiting = {}
        self.groups = []
        self.group_of = {}
        self.unrecorded = 0
        self.pending_creates = []
        self.loop = None
        self.running = None
        self.recording = True
        self.stopped = None
        self.stopped_at = 0.0
        #: Instructions run since the clock last moved for them, and in all.
        self.computed = 0
        self.total_computed = 0
        self.finished = False
        self.last_line = None
        self.tick_line = None

    # ---- the clock --------------------------------------------------------------------------

    @property
    def now(self):
        return self.clock.now

    def settle(self):
        """Moves the clock on by the whole ticks of computing done since the last; returns the time."""
        ticks = int(self.computed * INSTRUCTION / CPU_TICK)
        if ticks:
            self.tick_line = self.last_line
            self.computed -= round(ticks * CPU_TICK / INSTRUCTION)
            self.clock.advance(ticks * CPU_TICK)
        return self.now

    # ---- frames -----------------------------------------------------------------------------

    def program_stack(self, frame):
        """The program's own frames around `frame`, outermost first: those of one task's chain."""
        frames = []
        while frame is not None and frame.f_code.co_filename != self.filename:
            frame = frame.f_back
        while frame is not None and frame.f_code.co_filename == self.filename:
            if frame.f_code.co_name == '<module>':
                break
            frames.append(frame)
            frame = frame.f_back
        frames.reverse()
        return frames

    def suspended_stack(self, task):
        """A suspended task's coroutines, outermost first, following what each awaits."""
        frames = []
        coro = task.get_coro()
        while coro is not None and hasattr(coro, 'cr_frame'):
            if coro.cr_frame is not None and coro.cr_frame.f_code.co_filename == self.filename:
                frames.append(coro.cr_frame)
            coro = coro.cr_await
        return frames

    def stack_view(self, task):
        stack = self.stacks.get(task)
        if stack:
            return [{'fn': f.f_code.co_name, 'line': f.f_lineno} for f in stack]
        coro = task.get_coro()
        code = getattr(coro, 'cr_code', None)
        if code is not None and code.co_filename == self.filename:
            return [{'fn': code.co_name, 'line': code.co_firstlineno}]
        return [{'fn': getattr(coro, '__qualname__', 'coroutine'), 'line': 0}]

    def remember_stack(self, task, frames):
        self.stacks[task] = list(frames)

    def task_view(self, task):
        if task.done():
            state = 'done'
            if task.cancelled():
                result = 'cancelled'
            else:
                # Read without retrieving it: retrieving would change what asyncio logs at the end.
                exc = task._exception
                result = f'raised {_repr(exc)}' if exc is not None else _repr(task.result())
        else:
            result = None
            if task is self.running:
                state = 'running'
            elif any(e['task'] is task and e['kind'] in ('step', 'wakeup') for e in self.queue_entries()):
                state = 'scheduled'
            else:
                state = 'waiting'
        coro = task.get_coro()
        return {
            'name': task.get_name(),
            'coro': f'{getattr(coro, "__qualname__", "coroutine")}()',
            'state': state,
            'started': task in self.started,
            'stack': self.stack_view(task),
            'waitingOn': self.waiting.get(task) if state in ('waiting', 'scheduled') else None,
            'result': result,
        }

    def queue_entries(self):
        loop = self.loop
        if loop is None:
            return []
        return [e for e in loop.queue if not e['handle'].cancelled()]

    def emit(self, kind, text, line=None, blocked=False, task_name=None, final=False):
        """Records one frame: what just happened, and the whole loop as it is now."""
        if not self.recording or (self.stopped and not final):
            return
        if kind != 'create-task':
            self.flush_creates()
        if len(self.frames) >= self.max_steps:
            self.stop(f'Stopped after {self.max_steps} steps, the most one trace records: a program that never ends would run for ever.')
        loop = self.loop
        running = self.running
        frame = {
            'step': len(self.frames),
            'time': _ms(self.now),
            'event': {'kind': kind, 'text': text, 'task': task_name if task_name is not None else (running.get_name() if running else None), 'line': line},
            'running': running.get_name() if running else None,
            'blocked': blocked,
            'ready': [{'kind': e['kind'], 'task': e['task'].get_name() if e['task'] else None, 'label': e['label']()} for e in self.queue_entries()],
            'timers': [
                {'when': _ms(t['when']), 'task': t['waiter'], 'label': t['label']}
                for t in (loop.live_timers() if loop else [])
            ],
            'tasks': [self.task_view(t) for t in self.tasks],
            'printed': len(self.output),
            'finished': kind in ('stop', 'error', 'limit') and loop is None,
        }
        self.frames.append(frame)

    def stop(self, message):
        if self.stopped is None:
            self.stopped = message
            self.stopped_at = self.now
        raise Stop(self.stopped)

    def log(self, event):
        if self.recording:
            self.trace.append(f'{_seconds(self.now)} {event}')

    def before_event(self):
        """Called before anything the running code does that shows: computing done since the last
        frame becomes a block step, and the task's stack is brought up to date (calls, returns)."""
        start = self.frames[-1]['time'] if self.frames else 0
        if _ms(self.settle()) > start and self.recording:
            task = self.running
            who = task.get_name() if task else 'The program'
            self.emit(
                'block',
                f'{who} computes for {_seconds(self.now - start / 1000)} s without awaiting. '
                + ('The loop is stuck inside this one callback: timers come due, but nothing can run.' if task else 'No loop is running yet.'),
                line=self.tick_line or self.current_line(),
                blocked=True,
            )
        task = self.running
        if task is not None:
            self.sync_stack(task, self.program_stack(sys._getframe(1)))

    def sync_running(self):
        """Before the running task changes the loop's state (a timer, a callback), the steps that led
        there: tasks it created, coroutines it entered or left."""
        task = self.running
        if task is not None and self.recording:
            self.flush_creates()
            self.sync_stack(task, self.program_stack(sys._getframe(1)))

    def current_line(self):
        frames = self.program_stack(sys._getframe(1))
        if frames:
            return frames[-1].f_lineno
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != self.filename:
            frame = frame.f_back
        return frame.f_lineno if frame is not None else None

    def sync_stack(self, task, frames):
        """Emits a step for each coroutine the task has entered or left since its last frame."""
        if not frames:
            # Inside asyncio's own code, outside the task's coroutines: nothing to compare.
            return
        old = self.stacks.get(task, [])
        common = 0
        while common < min(len(old), len(frames)) and old[common] is frames[common]:
            common += 1
        for gone in reversed(old[common:]):
            keep = old[: old.index(gone)]
            self.stacks[task] = keep
            back = keep[-1].f_code.co_name if keep else 'the task'
            self.emit('return', f'{gone.f_code.co_name}() returns to {back}(), which carries on in the same step.', line=keep[-1].f_lineno if keep else None)
        for i in range(common, len(frames)):
            entered = frames[i]
            self.stacks[task] = frames[: i + 1]
            name = entered.f_code.co_name
            if _is_coroutine_frame(entered):
                text = f'await {name}() runs the coroutine right here, inside {task.get_name()}, like a function call: no new task, nothing scheduled.'
            else:
                text = f'{name}() is called, inside {task.get_name()}.'
            self.emit('call', text, line=entered.f_lineno)
        self.remember_stack(task, frames)

    def flush_creates(self):
        creates, self.pending_creates = self.pending_creates, []
        for task, line in creates:
            creator = self.running.get_name() if self.running else 'The program'
            self.emit(
                'create-task',
                f'create_task wraps {self.task_view(task)["coro"]} in {task.get_name()} and puts its first step in the ready queue. '
                f'{creator} keeps running: nothing else runs until it awaits.',
                line=line,
            )

    # ---- what the program does --------------------------------------------------------------

    def printed(self, stream, text):
        if self.stopped:
            return
        self.before_event()
        self.output.append(text)
        if stream == 'stdout':
            self.stdout.append(text)
        self.log(f'print {text}')
        who = self.running.get_name() if self.running else 'The program'
        self.emit('print', f'{who} prints a line.', line=self.current_line())

    def sleep(self, seconds):
        """time.sleep in the traced program: the clock moves on, and nothing else runs meanwhile."""
        seconds = check_sleep(seconds)
        self.before_event()
        self.clock.advance(seconds)
        task = self.running
        if task is not None:
            text = (
                f'{task.get_name()} calls time.sleep({seconds:g}): the whole thread sleeps, so the loop is frozen inside this one '
                f'callback. The clock moves on {_seconds(seconds)} s; timers come due, but nothing can run.'
            )
        else:
            text = f'time.sleep({seconds:g}) outside any task: the program waits {_seconds(seconds)} s.'
        self.emit('block', text, line=self.current_line(), blocked=True)

    def created(self, task):
        """A task factory call: the task joins the table; a create_task of the program's own shows as a step."""
        if not self.recording:
            return
        self.tasks.append(task)
        if self.running is None:
            return
        frame = sys._getframe(2)
        in_gather = None
        while frame is not None and frame.f_code.co_filename != self.filename:
            if frame.f_code.co_name == 'gather' and frame.f_code.co_filename == asyncio.tasks.__file__:
                in_gather = frame
            frame = frame.f_back
        if in_gather is None:
            self.pending_creates.append((task, self.current_line()))
            return
        # One gather call makes its tasks one after another, from the same frame.
        group = self.groups[-1] if self.groups else None
        if group is None or group['frame'] is not in_gather:
            group = {'frame': in_gather, 'owner': self.running, 'children': [], 'finished': 0, 'future': None}
            self.groups.append(group)
        group['children'].append(task)
        self.group_of[task] = group

    # ---- callbacks --------------------------------------------------------------------------

    def describe(self, callback, args):
        """What a callback in the ready queue is, as the visualizer names it."""
        name = getattr(callback, '__name__', '')
        owner = getattr(callback, '__self__', None)
        if name == '__step' and isinstance(owner, asyncio.tasks._PyTask):
            return {'kind': 'step', 'task': owner, 'label': lambda: f'{owner.get_name()}.__step()'}
        if name == '__wakeup' and isinstance(owner, asyncio.tasks._PyTask):
            return {'kind': 'wakeup', 'task': owner, 'label': lambda: f'{owner.get_name()}.__wakeup()'}
        if name == '_done_callback' and args and args[0] in self.task_names:
            child = args[0]
            return {'kind': 'gather', 'task': child, 'label': lambda: f'gather: {child.get_name()} done'}
        if name == '_run_until_complete_cb':
            return {'kind': 'stop', 'task': None, 'label': lambda: 'stop the loop'}
        if name == '_set_result_unless_cancelled':
            waiter = self.running.get_name() if self.running else '?'
            return {'kind': 'timer', 'task': self.running, 'label': lambda: f'timer → {waiter}', 'waiter': waiter}
        label = getattr(callback, '__qualname__', None) or name or type(callback).__name__
        return {'kind': 'other', 'task': None, 'label': lambda: f'{label}()'}

    def run_callback(self, entry, callback, args):
        """Runs one callback from the ready queue, recording what it does."""
        loop = self.loop
        if entry in loop.queue:
            loop.queue.remove(entry)
        kind = entry['kind']
        if not self.recording:
            # asyncio.run cleaning up after the program (or after a stop): run, unrecorded, but not for ever.
            self.unrecorded += 1
            if self.unrecorded > 10 * self.max_steps:
                self.stop(self.stopped or 'Stopped: the program kept running while asyncio.run was cleaning up.')
            return callback(*args)
        # What the loop did between callbacks is not the program's computing.
        self.computed = 0
        try:
            return self.run_recorded(entry, kind, callback, args)
        finally:
            self.settle()

    def run_recorded(self, entry, kind, callback, args):
        if kind in ('step', 'wakeup'):
            return self.run_task(entry, callback, args)
        if kind == 'timer':
            self.log(f'timer {entry["waiter"]}')
            callback(*args)
            self.settle()
            self.emit('handle', f"The timer's callback sets the sleep's future done, which schedules {entry['waiter']}.__wakeup().")
            return None
        if kind == 'gather':
            child = entry['task']
            self.log(f'gather {child.get_name()}')
            callback(*args)
            self.settle()
            group = self.group_of.get(child)
            if group is None:
                self.emit('handle', f'gather sees {child.get_name()} finish.')
            else:
                group['finished'] += 1
                done, total = group['finished'], len(group['children'])
                self.emit(
                    'handle',
                    f'gather sees {child.get_name()} finish ({done} of {total})'
                    + (': all done, so its future gets the list of results and wakes the task awaiting it.' if done == total else '.'),
                )
            return None
        if kind == 'stop':
            self.log('stop')
            callback(*args)
            self.emit('handle', 'The main task is done: asyncio.run stops the loop.')
            self.recording = False
            return None
        self.log(f'other {entry["label"]()}')
        callback(*args)
        self.settle()
        self.emit('handle', f'The loop runs a callback of its own: {entry["label"]()}.')
        return None

    def run_task(self, entry, callback, args):
        task = entry['task']
        name = task.get_name()
        self.log(f'{entry["kind"]} {name}')
        first = task not in self.started
        self.started.add(task)
        self.waiting.pop(task, None)
        self.running = task
        frames = self.suspended_stack(task)
        if frames:
            self.remember_stack(task, frames)
        stack = self.stack_view(task)
        fn = stack[-1]['fn']
        if first:
            text = f'{name}.__step() runs: {self.task_view(task)["coro"]} starts, at last.'
        elif entry['kind'] == 'wakeup':
            text = f'{name}.__wakeup(): what it awaited is done, so {fn}() resumes where it paused.'
        else:
            text = f'{name}.__step(): {fn}() resumes.'
        self.emit('resume', text, line=stack[-1]['line'])
        timers_before = len(self.loop.timers)
        try:
            callback(*args)
        finally:
            self.running_done(task, timers_before)

    def running_done(self, task, timers_before):
        """After a task's step: it is done, or suspended on something."""
        if not self.recording:
            self.running = None
            return
        start = self.frames[-1]['time'] if self.frames else 0
        if _ms(self.settle()) > start:
            self.emit('block', f'{task.get_name()} computes for {_seconds(self.now - start / 1000)} s without awaiting. The loop is stuck inside this one callback: timers come due, but nothing can run.', blocked=True, line=self.tick_line or self.stack_view(task)[-1]['line'])
        self.flush_creates()
        name = task.get_name()
        if task.done():
            stack = self.stack_view(task)
            fn = stack[-1]['fn'] if stack else 'the coroutine'
            line = stack[-1]['line'] if stack else None
            self.running = None
            view = self.task_view(task)
            if task.cancelled():
                text = f'{fn}() was cancelled: {name} is done, and its done-callbacks are scheduled.'
            elif view['result'].startswith('raised '):
                text = f'{fn}() {view["result"]}: {name} is done, and its done-callbacks are scheduled.'
            else:
                text = f'{fn}() returns {view["result"]}: {name} is done, and its done-callbacks are scheduled.'
            self.emit('task-done', text, line=line, task_name=name)
            return
        frames = self.suspended_stack(task)
        self.sync_stack(task, frames)
        self.running = None
        line = frames[-1].f_lineno if frames else None
        waiter = getattr(task, '_fut_waiter', None)
        new_timers = self.loop.timers[timers_before:]
        group = next((g for g in reversed(self.groups) if g['owner'] is task and g['future'] is None), None)
        if waiter is None:
            self.waiting[task] = 'its turn (sleep(0))'
            text = f'asyncio.sleep(0) yields once: {name} goes to the back of the ready queue.'
        elif waiter in self.task_names:
            self.waiting[task] = waiter.get_name()
            text = f'{waiter.get_name()} is not done yet, so {name} suspends until it is.'
        elif any(t['future'] is waiter for t in new_timers):
            timer = next(t for t in new_timers if t['future'] is waiter)
            delay = timer['when'] - self.now
            self.waiting[task] = f'sleep({delay:g}) until {_seconds(timer["when"])} s'
            text = f'asyncio.sleep({delay:g}) sets a timer for {_seconds(timer["when"])} s and {name} suspends, handing the loop back.'
        elif group is not None:
            group['future'] = waiter
            names = ', '.join(t.get_name() for t in group['children'])
            self.waiting[task] = f'gather({names})'
            text = f'gather wraps each coroutine in a task ({names}), all queued to start; {name} suspends until every one is done.'
        else:
            self.waiting[task] = 'a future'
            text = f'{name} suspends until the future it awaits is done.'
        self.emit('suspend', text, line=line, task_name=name)

    # ---- the run ----------------------------------------------------------------------------

    def loop_started(self, loop):
        self.settle()
        self.computed = 0
        self.loop = loop
        self.recording = True

    def pass_begins(self, loop, waited, due):
        """A new pass of the loop's _run_once, after select(): timers that came due join the queue."""
        if not self.recording:
            return
        if not loop.began:
            loop.began = True
            main = next((e['task'] for e in loop.queue if e['kind'] == 'step'), None)
            coro = self.task_view(main)['coro'] if main else 'the coroutine'
            self.emit('start', f'asyncio.run({coro}) wraps it in {main.get_name() if main else "a task"} and starts the loop.', task_name=main.get_name() if main else None)
        if waited:
            self.emit(
                'select',
                f'Nothing is ready, so the loop sleeps in select() for {_seconds(waited)} s until the next timer'
                + (f'; {len(due)} timers come due and join the ready queue.' if len(due) > 1 else '; its callback joins the ready queue.'),
            )
        elif due:
            self.emit(
                'timers-due',
                f'{"A timer has" if len(due) == 1 else f"{len(due)} timers have"} come due: '
                + ('its callback joins' if len(due) == 1 else 'their callbacks join')
                + ' the back of the ready queue.',
            )

    def loop_ended(self):
        self.loop = None
        self.running = None
        self.computed = 0
        if self.stopped:
            return
        self.recording = True
        self.emit('stop', 'The loop has stopped: asyncio.run returns.')

    def loop_exception(self, loop, context):
        """What asyncio logs (a task's exception never retrieved…) is output while the program runs;
        once the trace is taken, its leftovers are dropped quietly."""
        if not self.finished:
            loop.default_exception_handler(context)

    def line_budget(self, frame, event, arg):
        """Watches the program's own lines: a loop that computes for ever is stopped."""
        if event == 'line':
            self.last_line = frame.f_lineno
        # Each line and each instruction counts: a one-line loop reports instructions in 3.11 and
        # lines in 3.12+, which trace through sys.monitoring.
        self.computed += 1
        self.total_computed += 1
        if self.total_computed * INSTRUCTION > self.max_seconds and not self.stopped:
            self.before_event()
            self.stop(f'Stopped after {self.max_seconds:g} s of computing: a program that never awaits and never ends would run for ever.')
        return self.line_budget

    def global_trace(self, frame, event, arg):
        if frame.f_code.co_filename == self.filename:
            # Every instruction, not only every line: `while True: pass` on one line has no next line.
            frame.f_trace_opcodes = True
            return self.line_budget
        return None


_HERE = Tracer.__init__.__code__.co_filename
_CLOCK = Clock.advance.__code__.co_filename
_PURE_PYTHON = {asyncio.tasks.__file__, asyncio.futures.__file__}
_PURE_PYTHON_FRAMES = {'result', '__step', '__step_run_and_handle_result', '__wakeup', '__await__'}


class Output:
    """sys.stdout or sys.stderr for the traced program: each line it prints is a step."""

    def __init__(self, tracer, stream):
        self.tracer = tracer
        self.stream = stream
        self.pending = ''

    def write(self, text):
        self.pending += text
        *lines, self.pending = self.pending.split('\n')
        for line in lines:
            self.tracer.printed(self.stream, line)
        return len(text)

    def flush(self):
        pass

    def finish(self):
        if self.pending:
            self.tracer.printed(self.stream, self.pending)
            self.pending = ''


def make_loop_class():
    class TracingLoop(VirtualClockLoop):
        """An event loop on the tracer's clock, whose every callback, timer and clock reading the tracer sees."""

        tracer = None

        def __init__(self):
            # No limits of the clock's own: the tracer's (steps, computing) stop a runaway program.
            super().__init__(clock=self.tracer.clock, max_turns=float('inf'), max_seconds=float('inf'))
            self.queue = []
            self.timers = []
            self.began = False
            self.set_task_factory(self.make_task)
            self.set_exception_handler(self.tracer.loop_exception)
            self.tracer.loop_started(self)

        def time(self):
            return self.tracer.settle()

        def stop_with(self, message):
            self.tracer.recording = True
            self.tracer.stop(message)

        def create_task(self, coro, **kwargs):
            # CPython 3.13.0 calls a task factory without the task's name, then renames the task to
            # str(name): 'None' when none was given. So the tracer's factory is handed the name here;
            # a factory the program set (asyncio.eager_task_factory) is called as CPython calls it.
            if self.get_task_factory() != self.make_task:
                return super().create_task(coro, **kwargs)
            self._check_closed()
            return self.make_task(self, coro, **kwargs)

        def make_task(self, loop, coro, **kwargs):
            name = kwargs.pop('name', None)
            task = asyncio.tasks._PyTask(coro, loop=loop, **kwargs)
            tracer = self.tracer
            tracer.task_names[task] = True
            task.set_name(name if name is not None else f'Task-{len(tracer.task_names)}')
            tracer.created(task)
            return task

        def call_soon(self, callback, *args, context=None):
            self.tracer.sync_running()
            entry = self.tracer.describe(callback, args)
            handle = super().call_soon(self._traced(entry, callback), *args, context=context)
            entry['handle'] = handle
            self.queue.append(entry)
            return handle

        def call_at(self, when, callback, *args, context=None):
            self.tracer.sync_running()
            entry = self.tracer.describe(callback, args)
            handle = super().call_at(when, self._traced(entry, callback), *args, context=context)
            entry['handle'] = handle
            waiter = entry.get('waiter')
            future = args[0] if entry['kind'] == 'timer' and args else None
            label = f'{_seconds(when)} s → wake {waiter}' if waiter else f'{_seconds(when)} s → {entry["label"]()}'
            self.timers.append({'when': when, 'entry': entry, 'waiter': waiter or '', 'label': label, 'future': future})
            return handle

        def _traced(self, entry, callback):
            tracer = self.tracer

            def run(*args):
                return tracer.run_callback(entry, callback, args)

            run.__qualname__ = getattr(callback, '__qualname__', 'callback')
            return run

        def live_timers(self):
            alive = [t for t in self.timers if not t['entry']['handle'].cancelled()]
            return sorted(alive, key=lambda t: t['when'])

        def _process_events(self, event_list):
            # Called by _run_once right after select(), before the timers that are due join the
            # ready queue: the same test as _run_once's tells which they are.
            end = self.time() + self._clock_resolution
            due = [t for t in self.live_timers() if t['when'] < end]
            for timer in due:
                self.timers.remove(timer)
                self.queue.append(timer['entry'])
            self.tracer.pass_begins(self, self.waited, due)

    return TracingLoop


def _format_error(exc, filename):
    """CPython's traceback, without the tracer's own frames."""
    if isinstance(exc, SyntaxError):
        return ''.join(traceback.format_exception_only(type(exc), exc)).rstrip('\n').split('\n')
    tb = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    # Also the pure-Python Task's and Future's frames, which CPython's C ones do not show.
    kept = [f for f in tb.stack if f.filename not in (_HERE, _CLOCK) and not (f.filename in _PURE_PYTHON and f.name in _PURE_PYTHON_FRAMES)]
    tb.stack = traceback.StackSummary.from_list(kept)
    return ''.join(tb.format()).rstrip('\n').split('\n')


def trace(source, filename='main.py', max_steps=MAX_STEPS, max_seconds=MAX_SECONDS):
    """Runs `source` as __main__ under the tracing loop; returns everything the visualizer plays."""
    tracer = Tracer(filename, max_steps, max_seconds)
    loop_class = make_loop_class()
    loop_class.tracer = tracer

    class TracingRunner(asyncio.Runner):
        def close(self):
            # What asyncio.run does once the main task is done (cancel what is left, close the
            # loop) is not part of the trace.
            tracer.recording = False
            try:
                super().close()
            finally:
                tracer.loop_ended()

    def run(main, *, debug=None, **kwargs):
        return run_on_virtual_clock(main, debug=debug, loop_factory=loop_class, runner=TracingRunner)

    def new_event_loop():
        return loop_class()

    saved = (asyncio.run, asyncio.new_event_loop, time.sleep, time.time, time.monotonic, time.perf_counter, sys.stdout, sys.stderr)
    epoch = time.time()
    out, err = Output(tracer, 'stdout'), Output(tracer, 'stderr')
    asyncio.run, asyncio.new_event_loop = run, new_event_loop
    time.sleep = tracer.sleep
    time.monotonic = time.perf_counter = tracer.settle
    time.time = lambda: epoch + tracer.settle()
    sys.stdout, sys.stderr = out, err
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    error = None
    previous_trace = sys.gettrace()
    try:
        code = compile(source, filename, 'exec')
        sys.settrace(tracer.global_trace)
        try:
            exec(code, {'__name__': '__main__', '__file__': filename})
        finally:
            sys.settrace(previous_trace)
            out.finish()
            err.finish()
    except Stop:
        pass
    except BaseException as exc:  # the program's own exception, SystemExit included
        if not (isinstance(exc, SystemExit) and exc.code in (None, 0)):
            error = {'type': type(exc).__name__, 'message': _format_error(exc, filename)[-1], 'traceback': _format_error(exc, filename)}
    finally:
        (asyncio.run, asyncio.new_event_loop, time.sleep, time.time, time.monotonic, time.perf_counter, sys.stdout, sys.stderr) = saved
        linecache.cache.pop(filename, None)
    tracer.finished = True
    tracer.loop = None
    tracer.running = None
    tracer.recording = True
    tracer.max_steps = len(tracer.frames) + 1
    if tracer.stopped:
        tracer.clock.now = tracer.stopped_at
        tracer.emit('limit', tracer.stopped, final=True)
    elif error:
        tracer.emit('error', f'The program raised {error["message"]}: CPython’s traceback is below.', line=_error_line(error['traceback'], filename), final=True)
    elif not tracer.frames or tracer.frames[-1]['event']['kind'] != 'stop':
        tracer.emit('stop', 'The program has finished.', final=True)
    tracer.frames[-1]['finished'] = True
    return {
        'frames': tracer.frames,
        'output': tracer.output,
        'stdout': tracer.stdout,
        'trace': tracer.trace,
        'error': error,
        'stopped': tracer.stopped,
        'python': sys.version.split()[0],
    }


def _error_line(lines, filename):
    found = None
    marker = f'File "{filename}", line '
    for text in lines:
        at = text.find(marker)
        if at >= 0:
            digits = ''.join(c for c in text[at + len(marker):].split(',')[0] if c.isdigit())
            found = int(digits) if digits else found
    return found


def trace_json(source):
    """The trace as JSON, for the Python worker."""
    return json.dumps(trace(source), ensure_ascii=False)


def trace_json_for(source, filename, max_seconds=MAX_SECONDS):
    """The same, with the program's file name and a limit of its own (the tests' form)."""
    return json.dumps(trace(source, filename=filename, max_seconds=max_seconds), ensure_ascii=False)


if __name__ == '__main__':
    path = sys.argv[1]
    with open(path) as f:
        result = trace(f.read(), filename=path)
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    print()
