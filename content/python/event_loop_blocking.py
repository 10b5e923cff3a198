import asyncio
import time

start = time.perf_counter()


async def heartbeat():
    for beat in range(4):
        print(f'{time.perf_counter() - start:.1f} s: beat', beat)
        await asyncio.sleep(0.5)


async def crunch():
    await asyncio.sleep(0.2)
    print(f'{time.perf_counter() - start:.1f} s: crunching')
    end = time.perf_counter() + 1.5
    while time.perf_counter() < end:  # CPU-bound: never awaits
        pass
    print(f'{time.perf_counter() - start:.1f} s: done crunching')


async def main():
    await asyncio.gather(heartbeat(), crunch())


asyncio.run(main())
