import os
from functools import partial
from multiprocessing import Pool


def square_number(n, multiplier, fail_at=None):
    if n == fail_at:
        raise ValueError(f"square_number refuses n = {n}")
    return n * n * multiplier


def square_number_and_pid(n, multiplier, fail_at=None):
    """The same task, also saying which worker process computed it."""
    return square_number(n, multiplier, fail_at), os.getpid()


if __name__ == "__main__":
    multiplier, n, workers = 2, 10, 4
    task = partial(square_number_and_pid, multiplier=multiplier)

    with Pool(processes=workers) as pool:
        # None (not 0) lets map choose: n / (4 * workers), rounded up.
        pairs = pool.map(task, range(n), chunksize=None)

    print([value for value, pid in pairs])  # [0, 2, 8, 18, 32, ...]
    for i, (value, pid) in enumerate(pairs):
        print(f"square_number({i}) = {value}, computed by {pid}")

    # With fail_at=n - 1 one call raises; map re-raises it here.
    failing = partial(square_number, multiplier=2, fail_at=n - 1)
    with Pool(processes=workers) as pool:
        try:
            pool.map(failing, range(n))
        except ValueError as error:
            print("map raised:", error)
        print(pool.map(abs, [-1, -2]))  # the pool is still usable
