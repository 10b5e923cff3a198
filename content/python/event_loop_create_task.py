import asyncio


async def fetch_data():
    await asyncio.sleep(1)
    return {'data': 'sample'}


async def main():
    task1 = asyncio.create_task(fetch_data())
    task2 = asyncio.create_task(fetch_data())
    task3 = asyncio.create_task(fetch_data())
    print('three tasks created; none has started yet')
    results = [await task1, await task2, await task3]
    print(results)


asyncio.run(main())
