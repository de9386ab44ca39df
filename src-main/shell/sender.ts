/** Is an IPC message from our own UI? Pure, over the sending frame's URL. */
export interface TrustedOrigins {
  /** the packaged UI: app://bundle */
  app: { protocol: string; host: string }
  /** ELECTRON_RENDERER_URL during `electron-vite dev` only */
  devServer?: string
}

export function isTrustedSenderUrl(rawUrl: string | undefined, trusted: TrustedOrigins): boolean {
  if (!rawUrl) return false
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return false
  }
  // URL.origin is "null" for non-special schemes like app:, so compare protocol and host.
  if (url.protocol === trusted.app.protocol && url.host === trusted.app.host) return true
  if (trusted.devServer) return url.origin === new URL(trusted.devServer).origin
  return false
}
