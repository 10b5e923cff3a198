import asyncio

# How long each URL takes to answer, in seconds.
DELAYS = {'/fast': 0.2, '/slow': 5.0, '/medium': 0.3}


async def fetch(url):
    """Stands in for an aiohttp GET: waits as long as the server takes, then returns the body."""
    await asyncio.sleep(DELAYS[url])
    return f'body of {url}'


async def main():
    results = await asyncio.gather(*(fetch(url) for url in DELAYS))
    print(results)


asyncio.run(main())
