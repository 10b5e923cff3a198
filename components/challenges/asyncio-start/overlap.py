import asyncio


async def fetch_data(n):
    await asyncio.sleep(1)  # stands in for a request that takes 1 s
    return n * 10


async def main():
    results = [await fetch_data(1), await fetch_data(2), await fetch_data(3)]
    print(results)


asyncio.run(main())
