/** Typed access to the preload bridge: the only file that reads window.dateline. */
import type { DatelineApi } from '../src-main/contract/api'

declare global {
  interface Window {
    dateline?: DatelineApi
  }
}

export function getApi(): DatelineApi {
  if (!window.dateline) throw new Error('window.dateline is missing: the preload did not run')
  return window.dateline
}
