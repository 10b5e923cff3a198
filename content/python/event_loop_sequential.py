import asyncio


async def fetch_data():
    await asyncio.sleep(1)
    return {'data': 'sample'}


async def main():
    a = await fetch_data()
    b = await fetch_data()
    c = await fetch_data()
    print([a, b, c])


asyncio.run(main())
