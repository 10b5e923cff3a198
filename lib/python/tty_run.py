"""Runs a Python program in a pseudo-terminal, as a learner's terminal would, and relays what it prints.

    python3 tty_run.py TIMEOUT_SECONDS PROGRAM [ARGS...]

In a terminal, stdout is line-buffered in every process, so the output comes in the order a learner
sees it, child processes' lines included (through a pipe, each process would flush when it exits).
stdout and stderr arrive merged, as on a screen. Exits with the program's exit code; if the timeout
killed it (every process of its session), says so on stderr and exits with 124.
"""
import os
import select
import signal
import sys
import time

timeout = float(sys.argv[1])
argv = [sys.executable, *sys.argv[2:]]

pid, fd = os.forkpty()
if pid == 0:
    os.execv(sys.executable, argv)

deadline = time.monotonic() + timeout
out = sys.stdout.buffer
timed_out = False
held = b""  # a CR at the end of a read, kept until we know whether an LF follows it
while True:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        timed_out = True
        break
    ready, _, _ = select.select([fd], [], [], remaining)
    if not ready:
        continue
    try:
        data = os.read(fd, 65536)
    except OSError:  # EIO: the terminal's last writer has gone
        break
    if not data:
        break
    data = held + data
    held = b"\r" if data.endswith(b"\r") else b""
    out.write(data[: len(data) - len(held)].replace(b"\r\n", b"\n"))
    out.flush()
out.write(held)

if timed_out:
    # The program leads its own session: kill it and everything it started.
    os.killpg(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
if timed_out:
    sys.stderr.write("tty_run: timed out\n")
    sys.exit(124)
sys.exit(os.waitstatus_to_exitcode(status))
