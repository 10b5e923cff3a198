import asyncio
import time

# Pyodide's time.sleep lets the browser's event loop run meanwhile.
# Its original, time.sleep.__wrapped__, blocks like CPython's.
time.sleep = getattr(time.sleep, '__wrapped__', time.sleep)
start = time.perf_counter()


def stamp():
    return f'{time.perf_counter() - start:.1f} s'


async def heartbeat():
    for beat in range(4):
        print(stamp(), 'beat', beat)
        await asyncio.sleep(0.5)


async def blocking_call():
    await asyncio.sleep(0.2)
    print(stamp(), 'time.sleep(1.5): the loop is frozen')
    time.sleep(1.5)  # try: await asyncio.sleep(1.5)
    print(stamp(), 'awake')


async def main():
    await asyncio.gather(heartbeat(), blocking_call())


asyncio.run(main())
