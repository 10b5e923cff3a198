import threading
import time

permits = threading.Semaphore(3)


def task(name):
    print(f"Task {name}: waiting")
    with permits:  # at most 3 threads inside this block at once
        print(f"Task {name}: inside")
        time.sleep(1)
    # Leaving the block released the permit: one waiting task gets in.
    print(f"Task {name}: done")


threads = [threading.Thread(target=task, args=(i,)) for i in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
