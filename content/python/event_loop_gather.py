import asyncio


async def fetch_data():
    await asyncio.sleep(1)
    return {'data': 'sample'}


async def main():
    results = await asyncio.gather(
        fetch_data(), fetch_data(), fetch_data()
    )
    print(results)


asyncio.run(main())
