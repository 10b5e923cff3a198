import asyncio

URLS = [f'/page/{n}' for n in range(1, 7)]


async def fetch(url):
    """Stands in for an aiohttp GET that takes 1 s."""
    await asyncio.sleep(1)
    return f'{url} ok'


async def main():
    results = await asyncio.gather(*(fetch(url) for url in URLS))
    print(results)


asyncio.run(main())
