"""Runs a challenge program in real CPython threads, in a schedule the test chooses.

Every `print` is a gate: the thread records the line and waits there until it is picked again. Each
pick lets one thread run on to its next print, or to its end (a thread blocked on a lock for 0.5 s
counts as waiting). After the picks, every thread still alive is let go at once, and after 0.5 s the
threads still running and the locks held are reported. Locks are wrapped to give up after `timeout`
seconds, so a deadlock ends; then what was printed, by whom, what each raised, and the ints.

Reads the spec as JSON on stdin; writes the report as JSON.
"""
import json
import sys
import threading
import time

spec = json.load(sys.stdin)
namespace = {}
exec(spec["setup"], namespace)
real_lock = threading.Lock


class TimeoutLock:
    """A Lock whose `with` gives up after the spec's timeout instead of waiting forever."""

    def __init__(self, name, lock):
        self.name, self.lock = name, lock

    def __enter__(self):
        if not self.lock.acquire(timeout=spec["timeout"]):
            raise TimeoutError(f"gave up waiting for {self.name}")
        return True

    def __exit__(self, *exc):
        self.lock.release()


locks = {name: value for name, value in namespace.items() if isinstance(value, type(real_lock()))}
for name, lock in locks.items():
    namespace[name] = TimeoutLock(name, lock)

local = threading.local()
gates = [threading.Semaphore(0) for _ in spec["threads"]]
arrived = threading.Semaphore(0)
output, errors = [], {}


free = threading.Event()  # set once the picks are done: prints no longer wait


def gate(*args):
    output.append([local.index, " ".join(map(str, args))])
    arrived.release()
    if not free.is_set():
        gates[local.index].acquire()


namespace["print"] = gate
functions = []
for source in [t["source"] for t in spec["threads"]]:
    exec(source, namespace)
    functions.append(namespace[source.removeprefix("def ").split("(")[0]])


def run(index, function):
    local.index = index
    gates[index].acquire()
    try:
        function()
    except Exception as error:
        errors[index] = f"{type(error).__name__}: {error}"
    arrived.release()


threads = [threading.Thread(target=run, args=(i, f), daemon=True) for i, f in enumerate(functions)]
for thread in threads:
    thread.start()
for pick in spec["picks"]:
    gates[pick].release()
    arrived.acquire(timeout=0.5)
free.set()
for i, thread in enumerate(threads):
    if thread.is_alive():
        gates[i].release()
for thread in threads:
    thread.join(timeout=0.25)
time.sleep(0.25)
report = {
    "alive": [i for i, thread in enumerate(threads) if thread.is_alive()],
    "locked": sorted(name for name, lock in locks.items() if lock.locked()),
}
# Then the lock timeouts run out, and a deadlocked thread gives up.
for thread in threads:
    thread.join(timeout=spec["timeout"] + 1)
report.update(
    output=output,
    errors=errors,
    ints={name: value for name, value in namespace.items() if type(value) is int},
)
json.dump(report, sys.stdout)
sys.stdout.flush()
