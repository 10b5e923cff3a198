/**
 * Milliseconds on one clock that the page and every worker share (`performance.now()` counts from
 * each thread's own start; adding `timeOrigin` puts them on a common scale).
 */
export const sharedNow = () => performance.timeOrigin + performance.now()
