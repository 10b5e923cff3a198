import asyncio
import time


async def brew(name):
    print(f'{name}: start')
    time.sleep(1)  # the kettle takes 1 s
    print(f'{name}: done')


async def main():
    await asyncio.gather(brew('tea'), brew('coffee'))


asyncio.run(main())
