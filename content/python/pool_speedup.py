import os
import time
from functools import partial
from multiprocessing import Pool

BLOCKS = 64
BLOCK_SIZE = 5_000  # smaller than in the browser: CPython is slower


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(block, block_size):
    numbers = range(block * block_size, (block + 1) * block_size)
    return sum(1 for n in numbers if is_prime(n))


def usable_cpus():
    """The logical CPUs this process may run on, which os.cpu_count() does not check."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count()
    if hasattr(os, "sched_getaffinity"):  # Linux
        return len(os.sched_getaffinity(0))
    return os.cpu_count()


if __name__ == "__main__":
    task = partial(count_primes, block_size=BLOCK_SIZE)
    cpus = usable_cpus()
    baseline = None
    for workers in range(1, 2 * cpus + 1):
        with Pool(processes=workers) as pool:
            pool.map(abs, range(workers))  # let every worker start
            start = time.perf_counter()
            # Largest blocks first, so the run ends on quick ones.
            total = sum(pool.map(task, reversed(range(BLOCKS)), chunksize=1))
            seconds = time.perf_counter() - start
        baseline = baseline or seconds
        ideal = min(workers, cpus)
        print(
            f"{workers:2} worker{'s' if workers > 1 else ' '}: {total} primes in {seconds:.2f} s, "
            f"speedup ×{baseline / seconds:.2f} (ideal ×{ideal})"
        )
