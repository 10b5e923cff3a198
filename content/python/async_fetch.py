import asyncio
import sys
import time

import aiohttp

# The site's slow endpoint: each request takes a second to answer.
SITE = sys.argv[1] if len(sys.argv) > 1 else 'http://localhost:3000'
URL = f'{SITE}/api/delay?ms=1000'


async def fetch_page(session, url):
    async with session.get(url) as response:
        response.raise_for_status()
        return await response.text()


async def fetch_one(session, url, timeout):
    """One request; a failure is reported, not raised, so the others carry on."""
    try:
        async with asyncio.timeout(timeout):
            await fetch_page(session, url)
        return True
    except (aiohttp.ClientError, TimeoutError) as error:
        print(f'{url}: {error!r}')
        return False


async def sequential(session, urls, timeout):
    return [await fetch_one(session, url, timeout) for url in urls]


async def gather(session, urls, timeout):
    return await asyncio.gather(*(fetch_one(session, url, timeout) for url in urls))


async def bounded(session, urls, timeout, limit):
    semaphore = asyncio.Semaphore(limit)

    async def one(url):
        async with semaphore:
            return await fetch_one(session, url, timeout)

    return await asyncio.gather(*(one(url) for url in urls))


async def main(mode='gather', requests=10, limit=3, timeout=None):
    urls = [f'{URL}&id={i}' for i in range(1, requests + 1)]
    # One session for the whole program: it keeps connections open between requests.
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        if mode == 'sequential':
            results = await sequential(session, urls, timeout)
        elif mode == 'gather':
            results = await gather(session, urls, timeout)
        else:
            results = await bounded(session, urls, timeout, limit)
        ok = sum(results)  # counted after all are done, never with += across awaits
        elapsed = time.perf_counter() - start
        print(f'{mode}: {elapsed:.2f} s, {ok} ok, {len(results) - ok} failed')


if __name__ == '__main__':
    # python3 async_fetch.py http://localhost:3000 sequential
    asyncio.run(main(sys.argv[2] if len(sys.argv) > 2 else 'gather'))
