"""The judge of the asyncio code challenges, the same in the browser (Pyodide) and in the tests (CPython).

`check(challenge, source, start)` runs the learner's program and the challenge's starting program,
each as `__main__` under `virtual_clock.virtual_time()`, and says whether the program does what the
challenge asks, with numbers: "3.0 s, not 1.0 s: ...". Time is read on the event loop's own clock,
which is virtual, so a slow machine never fails a right answer.

While a program runs, the functions the challenge names (the simulated requests, `fetch_data` or
`fetch`) are watched: each call's start and end on the loop's clock, and how many were in flight at
once. A runaway program is stopped: by a limit on lines run (a loop that computes for ever), on turns
of the event loop and on its clock (tasks that wait for ever), and on what it prints.
"""

import ast
import asyncio
import contextlib
import functools
import inspect
import io
import json
import linecache
import sys
import traceback

from virtual_clock import Stop, virtual_time

FILENAME = 'main.py'
#: Most steps of the program (main.py) one run may take, and most characters it may print. A step
#: is a line or a bytecode instruction, whichever the interpreter reports: CPython 3.11 reports no
#: line event for a loop on one line (`while True: pass`), and Pyodide's 3.14 no instructions.
MAX_STEPS = 200_000
MAX_OUTPUT = 20_000


class _Output(io.StringIO):
    def write(self, text):
        if self.tell() + len(text) > MAX_OUTPUT:
            raise Stop(f'Stopped: the program printed more than {MAX_OUTPUT:,} characters.')
        return super().write(text)


class Run:
    """What one program did: its output, its exception, and what the watched functions saw."""

    def __init__(self):
        self.stdout = ''
        self.error = None  # (type name, traceback lines)
        self.stopped = None
        self.elapsed = None  # seconds on the loop's clock, if the program ran asyncio.run
        self.blocked = 0.0  # seconds time.sleep() froze the loop
        self.calls = []  # [name, args, start, end or None, 'returned' | 'raised' | 'cancelled' | None]
        self.semaphores = 0

    def in_flight(self):
        """The most watched calls running at once, and when that first happened."""
        events = sorted([(c[2], 1) for c in self.calls] + [(c[3], -1) for c in self.calls if c[3] is not None])
        most, at, now = 0, 0.0, 0
        for t, step in events:
            now += step
            if now > most:
                most, at = now, t
        return most, at

    def lines(self):
        return self.stdout.splitlines()


def _format_error(exc):
    """CPython's traceback, with only the program's own frames (and none of the judge's)."""
    seen = set()
    te = traceback.TracebackException.from_exception(exc)
    todo = [te]
    while todo:
        t = todo.pop()
        if id(t) in seen:
            continue
        seen.add(id(t))
        t.stack = traceback.StackSummary.from_list([f for f in t.stack if f.filename == FILENAME])
        todo += [c for c in (t.__cause__, t.__context__) if c is not None]
        todo += getattr(t, 'exceptions', None) or []
    return ''.join(te.format()).rstrip('\n').split('\n')


def run_program(source, watch=()):
    """Runs `source` as __main__ on a virtual clock; `watch` names the coroutine functions to watch."""
    result = Run()
    out = _Output()
    steps, limit = 0, MAX_STEPS

    def local_trace(frame, event, arg):
        nonlocal steps, limit
        if event == 'opcode' or event == 'line':
            steps += 1
            if steps > limit:
                # Some more steps, for the program's `finally` blocks as asyncio.run cancels its tasks.
                limit = steps + 10_000
                raise Stop(f'Stopped after {MAX_STEPS:,} steps of the program: it computes for ever (or far too long) without finishing.')
        return local_trace

    def global_trace(frame, event, arg):
        if frame.f_code.co_filename != FILENAME:
            return None
        frame.f_trace_opcodes = True
        return local_trace

    namespace = {'__name__': '__main__', '__file__': FILENAME}
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    previous_trace = sys.gettrace()
    with virtual_time() as loops:
        real_run = asyncio.run
        real_semaphore = asyncio.Semaphore

        class Semaphore(real_semaphore):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                result.semaphores += 1

        def watched(name, fn):
            @functools.wraps(fn)
            async def call(*args, **kwargs):
                loop = asyncio.get_running_loop()
                record = [name, [repr(a) for a in args], loop.time(), None, None]
                result.calls.append(record)
                try:
                    value = await fn(*args, **kwargs)
                except asyncio.CancelledError:
                    record[4] = 'cancelled'
                    raise
                except BaseException:
                    record[4] = 'raised'
                    raise
                else:
                    record[4] = 'returned'
                    return value
                finally:
                    record[3] = loop.time()

            return call

        def run(main, **kwargs):
            # main() is made, and the functions to watch defined, by the time asyncio.run is called.
            for name in watch:
                fn = namespace.get(name)
                if inspect.iscoroutinefunction(fn):
                    namespace[name] = watched(name, fn)
            try:
                return real_run(main, **kwargs)
            finally:
                loop = loops[-1] if loops else None
                if loop is not None:
                    result.elapsed = loop.time()
                    result.blocked += loop.blocked

        asyncio.run, asyncio.Semaphore = run, Semaphore
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                code = compile(source, FILENAME, 'exec')
                sys.settrace(global_trace)
                try:
                    exec(code, namespace)
                finally:
                    sys.settrace(previous_trace)
        except Stop as stop:
            result.stopped = str(stop)
        except SystemExit as exc:
            if exc.code not in (None, 0):
                result.error = ('SystemExit', _format_error(exc))
        except BaseException as exc:
            result.error = (type(exc).__name__, _format_error(exc))
        finally:
            asyncio.run, asyncio.Semaphore = real_run, real_semaphore
            linecache.cache.pop(FILENAME, None)
    result.stdout = out.getvalue()
    return result


def _function(source, name):
    """The ast of a top-level function, to compare, or None if it is not there."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            return ast.dump(node)
    return None


def _s(seconds):
    return f'{seconds:.1f} s'


def _shown(lines):
    return ' / '.join(lines) if lines else 'nothing'


def _failed(run, hints):
    """The verdict on a program that did not finish: its exception, or why it was stopped."""
    if run.stopped:
        return run.stopped
    if run.error:
        kind, tb = run.error
        when = f', raised at {_s(run.elapsed)} on the loop\'s clock' if run.elapsed is not None else ''
        hint = f': {hints[kind]}' if kind in hints else ''
        return f'{tb[-1] if tb else kind} — an exception{when}{hint}. The traceback is under the code.'
    if run.elapsed is None:
        return 'It never called asyncio.run(main()): the program must run main() on the event loop.'
    return None


# The challenges: each names the functions it keeps and watches, and judges a run against the start's.


def _overlap(run, start):
    """Three fetch_data() calls that take 3 s one after another; 1 s once they overlap."""
    calls = [c for c in run.calls if c[0] == 'fetch_data']
    if run.lines() != start.lines():
        return False, f'It printed {_shown(run.lines())}, not {_shown(start.lines())}: the results must stay the same, in the same order.'
    if len(calls) != 3:
        return False, f'fetch_data() was called {len(calls)} times, not 3.'
    most, _ = run.in_flight()
    if run.elapsed > 1.0:
        why = 'the fetches still run one after another' if most == 1 else f'only {most} of the 3 fetches ran at the same time'
        return False, f'{_s(run.elapsed)}, not 1.0 s: {why}.'
    return True, f'{_s(run.elapsed)} on the loop\'s clock, not 3.0 s: the three fetches waited at the same time, and it printed {_shown(run.lines())}.'


def _blocking(run, start):
    """Two coroutines that call time.sleep(1): 2 s, tasks taking turns; 1 s once they really wait."""
    want = ['tea: start', 'coffee: start', 'tea: done', 'coffee: done']
    if run.blocked:
        return False, f'{_s(run.elapsed)}, not 1.0 s: time.sleep() froze the event loop for {_s(run.blocked)} in all, and no other task runs while it does.'
    if run.elapsed != 1.0:
        return False, f'{_s(run.elapsed)}, not 1.0 s: both brews must wait their 1 s at the same time.'
    if run.lines() != want:
        return False, f'It printed {_shown(run.lines())}, not {_shown(want)}.'
    return True, f'{_s(run.elapsed)} on the loop\'s clock, not 2.0 s: while one brew waits, the other starts, and it printed {_shown(run.lines())}.'


def _timeout(run, start):
    """Three requests, one of which takes 5 s: each gets 0.5 s, a late one counts as None."""
    want = ["['body of /fast', None, 'body of /medium']"]
    calls = {c[1][0]: c for c in run.calls if c[0] == 'fetch' and c[1]}
    slow = calls.get("'/slow'")
    if run.lines() == want and run.elapsed <= 0.5:
        return True, f'{_s(run.elapsed)} on the loop\'s clock, not 5.0 s: /slow was cancelled at 0.5 s, and it printed {_shown(run.lines())}.'
    if slow and slow[4] == 'returned':
        return False, f'{_s(run.elapsed)}, not 0.5 s: the program waited {_s(slow[3] - slow[2])} for /slow to answer; give each request 0.5 s.'
    if run.lines() != want:
        return False, f'It printed {_shown(run.lines())}, not {_shown(want)}: a request that takes longer than 0.5 s counts as None, the others keep their results.'
    return False, f'{_s(run.elapsed)}, not 0.5 s: every request should have its answer, or be given up, by 0.5 s.'


def _semaphore(run, start):
    """Six 1-second requests: at most 2 in flight, with an asyncio.Semaphore, so 3 s in all."""
    calls = [c for c in run.calls if c[0] == 'fetch']
    most, at = run.in_flight()
    if run.lines() != start.lines():
        return False, f'It printed {_shown(run.lines())}, not {_shown(start.lines())}: all six results, in the order of the URLs.'
    if len(calls) != 6:
        return False, f'fetch() was called {len(calls)} times, not 6.'
    if most > 2:
        return False, f'{most} requests were in flight at once (at {_s(at)} on the loop\'s clock), not at most 2.'
    if not run.semaphores:
        return False, f'At most {most} in flight, {_s(run.elapsed)}: right, but without an asyncio.Semaphore. Use one: it lets the next request start as soon as any one finishes.'
    if most < 2:
        return False, f'{_s(run.elapsed)}, not 3.0 s: only one request was in flight at a time; let 2 run at once.'
    if run.elapsed > 3.0:
        return False, f'{_s(run.elapsed)}, not 3.0 s: at most 2 at once, but the program also waited while fewer than 2 were in flight.'
    return True, f'{_s(run.elapsed)} on the loop\'s clock: never more than 2 requests in flight, and it printed all six results in order.'


#: Each challenge: its judge, the functions of the starting program the learner keeps as they are,
#: and what an exception the program lets out most likely means.
CHALLENGES = {
    'overlap': (_overlap, ('fetch_data',), {}),
    'blocking': (_blocking, (), {}),
    'timeout': (
        _timeout,
        ('fetch',),
        {
            'TimeoutError': 'one timeout around the whole gather gives up on all three results, the two that came back in time too; give each request its own timeout, and turn its TimeoutError into None',
        },
    ),
    'semaphore': (_semaphore, ('fetch',), {}),
}


def check(challenge, source, start):
    """The verdict on `source` for a challenge that began at `start`: solved or not, and why, with
    numbers, plus what the program printed and CPython's traceback if it raised."""
    judge, keep, hints = CHALLENGES[challenge]
    run = run_program(source, keep)
    report = {
        'stdout': run.stdout,
        'traceback': run.error[1] if run.error else None,
        'seconds': run.elapsed,
    }
    changed = [name for name in keep if _function(source, name) != _function(start, name)]
    message = _failed(run, hints)
    if message is None and changed:
        message = f'{changed[0]}() was changed: keep it as it is, it stands in for the server; change how it is called instead.'
    if message is not None:
        return {'solved': False, 'message': message, **report}
    solved, message = judge(run, run_program(start, keep))
    return {'solved': solved, 'message': message, **report}


def check_json(challenge, source, start):
    return json.dumps(check(challenge, source, start))
