/**
 * Serve the built renderer from app://bundle/ instead of file:// (Electron security checklist #18),
 * with the Content-Security-Policy as a response header. resolveBundlePath is pure and tested.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Protocol } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // no 'unsafe-inline': Lit's styles are constructed stylesheets, inline properties go through CSSOM (lib/style-props.ts)
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Map app://bundle/<path> to a file under rootDir, or null for anything outside it. */
export function resolveBundlePath(requestUrl: string, rootDir: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let rel: string
  try {
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
  } catch {
    return null
  }
  const root = path.resolve(rootDir)
  const full = path.resolve(root, '.' + rel)
  // "..%2f" survives URL parsing and only becomes "../" here, so check the resolved path
  return full.startsWith(root + path.sep) ? full : null
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, netFetch: (url: string) => Promise<Response>, rootDir: string): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const file = resolveBundlePath(req.url, rootDir)
    if (!file) return new Response('Not found', { status: 404 })
    const res = await netFetch(pathToFileURL(file).toString())
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', CSP)
    return new Response(res.body, { status: res.status, headers })
  })
}
