/**
 * Everything derived from the contract table (calls.ts): the channel names, main's services
 * interface, the API the preload exposes as `window.dateline`, its key list, and the argument
 * check main runs on every call. Bundled into the preload (with zod); the renderer imports types.
 */
import type { z } from 'zod'
import { CALLS, EVENTS, type CallSpec } from './calls'
import type { Result } from './views'

export * from './views'
export type { AnnotateRequest, CurationRequest, DocumentRequest, EntityListRequest, PublishedRequest, SearchRequest, TimelineRequest, UndoRequest } from './requests'
export { MAX_IMPORT_PATHS, MAX_QUERY_CHARS } from './requests'
export { CALLS, EVENTS } from './calls'

type Calls = typeof CALLS
export type CallName = keyof Calls
type ArgOf<K extends CallName> = Calls[K] extends { arg: z.ZodType } ? z.infer<Calls[K]['arg']> : never
type ReturnOf<K extends CallName> = Calls[K]['returns']

/** Channel of each call, by its name in main. */
export const Channels = Object.fromEntries(Object.entries(CALLS).map(([name, c]) => [name, c.channel])) as { readonly [K in CallName]: Calls[K]['channel'] }
/** Channel of each message main sends to the window. */
export const Events = Object.fromEntries(Object.entries(EVENTS).map(([name, e]) => [name, e.channel])) as { readonly [K in keyof typeof EVENTS]: (typeof EVENTS)[K]['channel'] }

/** What main implements: one method per call, its argument already checked. */
export type Services = { [K in CallName]: Calls[K] extends { arg: z.ZodType } ? (arg: ArgOf<K>) => Promise<Result<ReturnOf<K>>> : () => Promise<Result<ReturnOf<K>>> }

type ApiCall<K extends CallName> = Calls[K] extends { preload: 'dropped-files' }
  ? (files: File[]) => Promise<Result<ReturnOf<K>>>
  : Calls[K] extends { arg: z.ZodType }
    ? (request: ArgOf<K>) => Promise<Result<ReturnOf<K>>>
    : () => Promise<Result<ReturnOf<K>>>
type ApiListener<K extends keyof typeof EVENTS> = (listener: (payload: (typeof EVENTS)[K]['payload']) => void) => () => void

/** What the preload exposes as `window.dateline`: the calls, and listeners that return their removal. */
export type DatelineApi = { [K in CallName as Calls[K]['api']]: ApiCall<K> } & { [K in keyof typeof EVENTS as (typeof EVENTS)[K]['api']]: ApiListener<K> }

export const API_KEYS = [...Object.values(CALLS).map((c) => c.api), ...Object.values(EVENTS).map((e) => e.api)] as Array<keyof DatelineApi>

/** Main's check of a call's argument: the parsed value, or the message the caller gets back. */
export function checkArgument(spec: CallSpec, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (!spec.arg) return { ok: true, value: undefined }
  const parsed = spec.arg.safeParse(value)
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: spec.usage ?? 'malformed request' }
}
