import threading
import time


def worker(n):
    time.sleep(0.5)
    print(f'thread {n} done')


threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
