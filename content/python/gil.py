import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TOTAL = 40_000_000  # the same CPU work, however many workers
WAITS = 24          # the same number of I/O waits


def count_down(n):
    # Pure Python bytecode: the thread holds the GIL while it runs.
    while n > 0:
        n -= 1


def wait_on_io(waits):
    for _ in range(waits):
        time.sleep(0.04)  # blocks in the OS with the GIL released


def timed(executor_class, job, total, workers):
    share = total // workers
    start = time.perf_counter()
    with executor_class(max_workers=workers) as executor:
        for _ in range(workers):
            executor.submit(job, share)
    return time.perf_counter() - start


if __name__ == "__main__":
    for workers in (1, 2, 4):
        cpu_threads = timed(ThreadPoolExecutor, count_down, TOTAL, workers)
        cpu_procs = timed(ProcessPoolExecutor, count_down, TOTAL, workers)
        io_threads = timed(ThreadPoolExecutor, wait_on_io, WAITS, workers)
        print(f"{workers} workers: CPU threads {cpu_threads:.2f} s, "
              f"CPU processes {cpu_procs:.2f} s, "
              f"I/O threads {io_threads:.2f} s")
