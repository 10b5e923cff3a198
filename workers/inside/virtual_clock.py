"""An asyncio event loop on a virtual clock: waiting costs nothing, and time is exact.

`asyncio.sleep(1)` on this loop returns at once, yet `loop.time()` says one second has passed. When
no callback is ready, the loop's select() moves the clock to the next timer instead of waiting for
it, so a program that sleeps 3 s in all runs in microseconds, and reads 3.0 s on the loop's clock on
any machine, however slow or busy. Computing costs nothing on this clock; a blocking `time.sleep`
costs what it says (see `virtual_time`), since it freezes the loop.

It is the one virtual clock of the site: the asyncio challenges are judged on it
(components/challenges/asyncio_challenges.py), and the event-loop visualizer's tracer
(asyncio_trace.py) runs the learner's program on a subclass of its loop, with a clock that computing
moves on too.

The same file runs in CPython 3.11 (the tests) and in Pyodide (the Python worker, 3.13+). It uses
public asyncio APIs where there are any: `asyncio.Runner(loop_factory=...)`, `loop.time()`,
`asyncio._get_running_loop` / `_set_running_loop` (exported for loop implementations). The loop
itself is a `BaseEventLoop` with a selector of its own, as CPython's own tests build theirs
(`test.test_asyncio.utils.TestLoop`): `SelectorEventLoop(selector)` would be public, but it needs a
socket pair, which Pyodide cannot make.
"""

import asyncio
import asyncio.base_events
import contextlib
import math
import operator
import sys
import time

__all__ = ['Clock', 'Stop', 'VirtualClockLoop', 'check_sleep', 'run', 'virtual_time']

#: Most turns of the loop one run may take, and the furthest its clock may go (seconds).
MAX_TURNS = 100_000
MAX_SECONDS = 3600.0
#: Turns the loop may still take once a program is stopped, for the tasks left to finish cancelling.
GRACE_TURNS = 100


class Stop(KeyboardInterrupt):
    """Ends a runaway program. A KeyboardInterrupt, because asyncio lets only that (and SystemExit)
    out of a callback, and the program's own `except Exception` does not catch it."""


def _seconds(t):
    return f'{t:.1f} s'


class Clock:
    """Virtual time, in seconds: it moves only when told to, by exactly as much. One clock may serve
    several loops (the tracer's runs on between two `asyncio.run` calls, and outside them)."""

    def __init__(self):
        self.now = 0.0

    def advance(self, seconds):
        # Rounded to the microsecond, so that 0.1 + 0.2 s of sleeps read 0.3 s, as people expect.
        self.now = round(self.now + max(0.0, seconds), 6)
        return self.now


def check_sleep(seconds):
    """What `time.sleep` refuses, refused as this CPython refuses it (3.14 reworded the TypeError);
    returns the seconds as a float."""
    if isinstance(seconds, float):
        if math.isnan(seconds):
            raise ValueError('Invalid value NaN (not a number)')
    else:
        try:
            seconds = operator.index(seconds)  # an int, or anything with __index__, as time.sleep takes
        except TypeError as refused:
            if sys.version_info < (3, 14):
                raise TypeError(str(refused)) from None  # CPython's own words, naming the type as it does
            kind = type(seconds)
            name = kind.__qualname__ if kind.__module__ in ('builtins', '__main__') else f'{kind.__module__}.{kind.__qualname__}'
            raise TypeError(f"'{name}' object cannot be interpreted as an integer or float") from None
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    return float(seconds)


class _VirtualSelector:
    """The loop's select(): with nothing ready, the clock jumps to the next timer."""

    def __init__(self, loop):
        self.loop = loop

    def select(self, timeout):
        loop = self.loop
        loop.waited = 0.0
        loop.turns += 1
        if loop.turns > loop.max_turns:
            loop.stop_with(f'Stopped after {loop.max_turns:,} turns of the event loop, at {_seconds(loop.clock.now)} on its clock: the program never finishes.')
        if timeout is None:
            loop.stop_with(f'Stopped at {_seconds(loop.clock.now)} on the loop\'s clock: no task is ready and no timer is set, so the loop would wait for ever. Is something awaited that nothing will ever finish?')
        if timeout > 0:
            before = loop.clock.now
            loop.advance(timeout)
            loop.waited = loop.clock.now - before
        return []

    def close(self):
        pass


class VirtualClockLoop(asyncio.base_events.BaseEventLoop):
    """An event loop whose clock moves only when it would otherwise wait, by as much as it would wait."""

    def __init__(self, *, clock=None, max_turns=MAX_TURNS, max_seconds=MAX_SECONDS):
        super().__init__()
        self._selector = _VirtualSelector(self)
        self.clock = clock if clock is not None else Clock()
        #: Seconds for which `time.sleep` froze the loop (`block`).
        self.blocked = 0.0
        #: How long the last select() waited, on the clock.
        self.waited = 0.0
        self.turns = 0
        self.max_turns = max_turns
        self.max_seconds = max_seconds

    def time(self):
        return self.clock.now

    def advance(self, seconds):
        """Moves the clock on: what a wait (or a blocking call) of `seconds` would take."""
        self.clock.advance(seconds)
        if self.clock.now > self.max_seconds:
            self.stop_with(f'Stopped at {_seconds(self.clock.now)} on the loop\'s clock, past the limit of {_seconds(self.max_seconds)}: the program never finishes.')

    def block(self, seconds):
        """`time.sleep(seconds)` inside a callback: the loop is frozen while its clock moves on."""
        self.blocked = round(self.blocked + seconds, 6)
        self.advance(seconds)

    def stop_with(self, message):
        """Stops the program. asyncio.run then cancels the tasks left and runs the loop until they
        end: they get a few more turns for that, on a clock with no limit, but no more."""
        self.max_turns = self.turns + GRACE_TURNS
        self.max_seconds = float('inf')
        raise Stop(message)

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


def run(main, *, debug=None, loop_factory=VirtualClockLoop, runner=asyncio.Runner):
    """`asyncio.run(main)` on a virtual clock; returns main's result. `runner` may be an
    `asyncio.Runner` subclass that does more as it closes."""
    # Pyodide keeps its own browser-driven loop marked as running, even in synchronous code.
    outer = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        with runner(debug=debug, loop_factory=loop_factory) as running:
            return running.run(main)
    finally:
        asyncio._set_running_loop(outer)


@contextlib.contextmanager
def virtual_time(**limits):
    """Within it, `asyncio.run` runs on a VirtualClockLoop, and `time.sleep` inside it moves that
    loop's clock on (the loop is frozen meanwhile, as it is on a real clock) instead of waiting;
    outside a loop, `time.sleep` returns at once.
    Yields the list of loops `asyncio.run` made, first to last, to read their clocks afterwards."""
    loops = []
    saved = asyncio.run, time.sleep

    def factory():
        loop = VirtualClockLoop(**limits)
        loops.append(loop)
        return loop

    def virtual_run(main, *, debug=None, **_):
        return run(main, debug=debug, loop_factory=factory)

    def sleep(seconds):
        seconds = check_sleep(seconds)
        running = asyncio._get_running_loop()
        if isinstance(running, VirtualClockLoop):
            running.block(seconds)
        # Outside the loop nothing reads the clock: no need to wait at all.

    asyncio.run, time.sleep = virtual_run, sleep
    try:
        yield loops
    finally:
        asyncio.run, time.sleep = saved
