from multiprocessing import Process, shared_memory

import numpy as np


def double(numbers):
    for i in range(len(numbers)):
        numbers[i] *= 2


def double_shared(name):
    block = shared_memory.SharedMemory(name=name)
    numbers = np.ndarray((4,), dtype=np.int32, buffer=block.buf)
    double(numbers)
    del numbers
    block.close()


if __name__ == "__main__":
    # The child gets a copy (pickled under spawn and forkserver, inherited under fork): it doubles its own.
    numbers = [1, 2, 3, 4]
    p = Process(target=double, args=(numbers,))
    p.start()
    p.join()
    print(numbers)  # [1, 2, 3, 4]

    # One block of shared memory, seen by both processes.
    block = shared_memory.SharedMemory(create=True, size=16)
    shared = np.ndarray((4,), dtype=np.int32, buffer=block.buf)
    shared[:] = [1, 2, 3, 4]
    p = Process(target=double_shared, args=(block.name,))
    p.start()
    p.join()
    print(shared.tolist())  # [2, 4, 6, 8]
    del shared
    block.close()
    block.unlink()
