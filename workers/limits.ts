/** Limits shared by the demos and their workers, and the device's core count: each has one home. */

/** The device's logical cores, the browser's `os.cpu_count()` (1 where the platform will not say). */
export const cpuCount = () => globalThis.navigator?.hardwareConcurrency || 1

/** Most workers a demo starts at once: enough to crowd any laptop's cores, few enough to keep a page usable. */
export const maxWorkers = 16

/** Most workers contending for one spot of shared memory (a counter, a GIL): past it, queueing is all there is to see. */
export const maxContending = 8

/** Longest a worker waits at a start line for the others before the run is called off. */
export const startTimeoutMs = 30_000
