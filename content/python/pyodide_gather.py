import asyncio
import time


async def fetch_data():
    await asyncio.sleep(1)
    return {'data': 'sample'}


async def main():
    start = time.perf_counter()
    print('gathering three fetches...')
    results = await asyncio.gather(fetch_data(), fetch_data(), fetch_data())
    print(results)
    print(f'took {time.perf_counter() - start:.1f} s')


asyncio.run(main())
