import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def crunch(n):
    """CPU-bound: pure computation."""
    return sum(i * i for i in range(n))


def download(url):
    """I/O-bound with a blocking call (think requests.get)."""
    time.sleep(0.1)
    return url


async def fetch(url):
    """I/O-bound, non-blocking (think aiohttp)."""
    await asyncio.sleep(0.1)
    return url


async def fetch_all(urls):
    return await asyncio.gather(*(fetch(url) for url in urls))


if __name__ == "__main__":
    urls = ["a", "b", "c"]

    with ProcessPoolExecutor() as pool:  # multiprocessing: one process per CPU
        print(list(pool.map(crunch, [1_000_000] * 4)))

    with ThreadPoolExecutor(max_workers=8) as pool:  # threading: waits overlap
        print(list(pool.map(download, urls)))

    print(asyncio.run(fetch_all(urls)))  # asyncio: one thread, one event loop
