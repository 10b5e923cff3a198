/**
 * Reports to the page through a callback it passed with Comlink's `proxy`. Each call travels on the
 * proxy's own channel, and nothing orders that channel with the answer of the call that was given
 * it. `report` sends without waiting; `flush()` resolves once the page has had every report: await
 * it before answering, or the page may hear the answer before the last reports.
 */
export function reporter<Args extends unknown[]>(send: (...args: Args) => unknown) {
  const sent: unknown[] = []
  return {
    report: (...args: Args) => void sent.push(send(...args)),
    flush: async () => {
      await Promise.all(sent)
    },
  }
}
