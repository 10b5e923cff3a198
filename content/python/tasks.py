import asyncio
import sys
import time

start = time.perf_counter()


def log(message):
    print(f'{time.perf_counter() - start:.1f} s  {message}')


# #region fetch-data
async def fetch_data(n, seconds):
    log(f'fetch {n} starts')
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        log(f'fetch {n} cancelled')
        raise
    log(f'fetch {n} done')
    return {'data': n}
# #endregion


# #region gather
async def gather():
    results = await asyncio.gather(fetch_data(1, 1), fetch_data(2, 1), fetch_data(3, 1))
    log(f'gather returned {results}')
# #endregion


# #region create_task
async def create_task():
    task = asyncio.create_task(fetch_data(1, 1))
    log('task created')
    await asyncio.sleep(0.5)
    log('main did other work')
    result = await task
    log(f'task returned {result}')
# #endregion


# #region wait_for
async def wait_for():
    try:
        result = await asyncio.wait_for(fetch_data(1, 1), timeout=0.5)
        log(f'got {result}')
    except TimeoutError:
        log('timed out after 0.5 s')
# #endregion


# #region cancel
async def cancel():
    task = asyncio.create_task(fetch_data(1, 1))
    await asyncio.sleep(0.5)
    task.cancel()
    log('main: cancel requested')
    try:
        await task
    except asyncio.CancelledError:
        log('main: the task ended with CancelledError')
# #endregion


# #region return_exceptions
async def fail(n, seconds):
    await asyncio.sleep(seconds)
    log(f'fetch {n} fails')
    raise ValueError(f'fetch {n} failed')


async def return_exceptions():
    results = await asyncio.gather(
        fetch_data(1, 1), fail(2, 0.5), fetch_data(3, 1), return_exceptions=True
    )
    log(f'gather returned {results}')
# #endregion


if __name__ == '__main__':
    # python3 tasks.py cancel
    asyncio.run(globals()[sys.argv[1] if len(sys.argv) > 1 else 'gather']())
