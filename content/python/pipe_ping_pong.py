from multiprocessing import Pipe, Process


def ping(conn, count):
    for n in range(count):
        conn.send(n)
        print("A received", conn.recv())
    conn.send(None)  # "no more numbers"
    conn.close()


def pong(conn):
    while (n := conn.recv()) is not None:
        conn.send(n * n)
    conn.close()


if __name__ == "__main__":
    a, b = Pipe()  # duplex: both ends can send and receive
    processes = [
        Process(target=ping, args=(a, 5)),
        Process(target=pong, args=(b,)),
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
