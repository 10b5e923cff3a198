import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TOTAL = 40_000_000  # the same CPU work, however many workers
WAITS = 24          # the same number of I/O waits
MIXED_WAITS = 40    # mixed: each I/O worker's waits, 4 ms each


def count_down(n):
    # Pure Python bytecode: the thread holds the GIL while it runs.
    while n > 0:
        n -= 1


def wait_on_io(waits):
    for _ in range(waits):
        time.sleep(0.04)  # blocks in the OS with the GIL released


def compute_for(seconds):
    # CPU-bound for a while: longer than the I/O beside it takes.
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def short_waits(waits):
    # Many short waits. Returns how late, on average, the worker ran
    # again after each one: the time it took to get the GIL back.
    late = 0.0
    for _ in range(waits):
        start = time.perf_counter()
        time.sleep(0.004)
        late += time.perf_counter() - start - 0.004
    return late / waits * 1000


def timed(executor_class, job, total, workers):
    share = total // workers
    start = time.perf_counter()
    with executor_class(max_workers=workers) as executor:
        for _ in range(workers):
            executor.submit(job, share)
    return time.perf_counter() - start


def mixed(executor_class, workers):
    # Worker 1 computes while the others wait on I/O; alone, a worker
    # only waits. Returns the I/O workers' mean lateness in ms.
    with executor_class(max_workers=workers) as executor:
        if workers > 1:
            executor.submit(compute_for, 1.0)
        io = [executor.submit(short_waits, MIXED_WAITS) for _ in range(max(workers - 1, 1))]
        return sum(f.result() for f in io) / len(io)


if __name__ == "__main__":
    for workers in (1, 2, 4):
        cpu_threads = timed(ThreadPoolExecutor, count_down, TOTAL, workers)
        cpu_procs = timed(ProcessPoolExecutor, count_down, TOTAL, workers)
        io_threads = timed(ThreadPoolExecutor, wait_on_io, WAITS, workers)
        print(f"{workers} worker{'s' if workers > 1 else ''}: CPU threads {cpu_threads:.2f} s, "
              f"CPU processes {cpu_procs:.2f} s, "
              f"I/O threads {io_threads:.2f} s")

    print(f"Mixed: worker 1 computes, each other worker waits {MIXED_WAITS} × 4 ms")
    print(f"1 worker (I/O alone): back {mixed(ThreadPoolExecutor, 1):.2f} ms late after each wait")
    for workers in (2, 4):
        print(f"{workers} workers: back {mixed(ThreadPoolExecutor, workers):.2f} ms late as threads, "
              f"{mixed(ProcessPoolExecutor, workers):.2f} ms as processes")
