import { sharedNow } from '../clock'

/** The whole job of the start-up demo's worker: answer with the time. Starting it is what is timed. */
export function ping(): number {
  return sharedNow()
}
