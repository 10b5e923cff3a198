import sys
import time
from multiprocessing import Process


def work(seconds, ending):
    steps = max(1, round(seconds * 4))
    for step in range(1, steps + 1):
        time.sleep(0.25)
        print(f"step {step} of {steps}", flush=True)
    if ending == "raise":
        raise ValueError("something went wrong in the child")
    if ending == "exit":
        sys.exit(3)


if __name__ == "__main__":
    p = Process(target=work, args=(3, "return"))
    print(p.name, p.is_alive(), p.exitcode)  # Process-1 False None
    p.start()
    print(p.is_alive())  # True
    p.join()  # wait until it stops (p.terminate() would end it now)
    print(p.is_alive(), p.exitcode)  # False 0
    # exitcode: 1 if work raised, 3 after sys.exit(3), -15 if terminated
