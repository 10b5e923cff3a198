import asyncio
import time

start = time.perf_counter()


def stamp():
    return f'{time.perf_counter() - start:.1f} s'


async def heartbeat():
    for beat in range(4):
        print(stamp(), 'beat', beat)
        await asyncio.sleep(0.5)


async def crunch():
    await asyncio.sleep(0.2)
    print(stamp(), 'crunching: the loop is blocked')
    end = time.perf_counter() + 1.5
    while time.perf_counter() < end:  # CPU-bound: never awaits
        pass
    print(stamp(), 'done crunching')


async def main():
    await asyncio.gather(heartbeat(), crunch())


asyncio.run(main())
