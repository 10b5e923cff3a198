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
    task = partial(square_number_and_pid, multiplier=multiplier, fail_at=None)

    with Pool(processes=workers) as pool:
        # chunksize=None lets map choose: about four chunks per worker.
        pairs = pool.map(task, range(n), chunksize=None)

    results = [value for value, pid in pairs]
    print(results)  # [0, 2, 8, 18, 32, 50, 72, 98, 128, 162]
    for i, (value, pid) in enumerate(pairs):
        print(f"square_number({i}) = {value}, computed by process {pid}")

    # With fail_at=n - 1, the worker raises; map re-raises the ValueError here.
    with Pool(processes=workers) as pool:
        try:
            pool.map(partial(square_number, multiplier=multiplier, fail_at=n - 1), range(n))
        except ValueError as error:
            print("map raised:", error)
        print(pool.map(partial(square_number, multiplier=multiplier), range(3)))  # still usable
