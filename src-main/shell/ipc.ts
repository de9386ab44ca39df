/**
 * IPC handlers for every channel of the contract. Depends on a small IpcMainLike interface and a
 * Services object, never on the electron module at run time, so tests drive it with fakes.
 * Every call checks the sender and validates its arguments before any service runs.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { Channels, isCurationRequest, isDocumentRequest, isEntityListRequest, isImportPaths, isPublishedRequest, isSearchRequest, isTimelineRequest, type CurationRequest, type DocumentRequest, type DocumentResponse, type EntityListRequest, type EntityView, type ImportResponse, type PublishedRequest, type PublishedView, type Result, type SearchRequest, type SearchResponse, type StatusView, type TimelineRequest, type TimelineResponse } from '../contract/api'
import { isTrustedSenderUrl, type TrustedOrigins } from './sender'

export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'senderFrame'>

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void
}

export interface Services {
  status(): Promise<Result<StatusView>>
  chooseArchive(): Promise<Result<StatusView>>
  openRecent(path: string): Promise<Result<StatusView>>
  cancelIndexing(): Promise<Result<{ cancelled: boolean }>>
  search(request: SearchRequest): Promise<Result<SearchResponse>>
  timeline(request: TimelineRequest): Promise<Result<TimelineResponse>>
  document(request: DocumentRequest): Promise<Result<DocumentResponse>>
  entities(request: EntityListRequest): Promise<Result<EntityView[]>>
  curate(request: CurationRequest): Promise<Result<EntityView>>
  setPublished(request: PublishedRequest): Promise<Result<PublishedView>>
  importPaths(paths: string[]): Promise<Result<ImportResponse>>
  chooseImport(): Promise<Result<ImportResponse>>
  cancelImport(): Promise<Result<{ cancelled: boolean }>>
}

export class UntrustedSenderError extends Error {}

const invalid = (message: string): Result<never> => ({ ok: false, error: { code: 'invalid', message } })

export function registerIpcHandlers(ipc: IpcMainLike, services: Services, trusted: TrustedOrigins): void {
  const guard =
    (fn: (...args: unknown[]) => unknown) =>
    (event: InvokeEventLike, ...args: unknown[]) => {
      // senderFrame is null when the frame navigated away or was destroyed
      if (!isTrustedSenderUrl(event.senderFrame?.url, trusted)) throw new UntrustedSenderError('IPC from an untrusted frame was refused')
      return fn(...args)
    }

  /** A channel whose one argument must pass `valid`; otherwise the caller gets `usage` back as an error value. */
  const validated = <T>(channel: string, valid: (v: unknown) => v is T, usage: string, fn: (v: T) => unknown) =>
    ipc.handle(channel, guard((arg) => (valid(arg) ? fn(arg) : invalid(usage))))
  const isRecentPath = (p: unknown): p is string => typeof p === 'string' && p.length > 0 && p.length <= 4096

  ipc.handle(Channels.status, guard(() => services.status()))
  ipc.handle(Channels.chooseArchive, guard(() => services.chooseArchive()))
  validated(Channels.openRecent, isRecentPath, 'openRecent expects the path of a recent archive', (p) => services.openRecent(p))
  ipc.handle(Channels.cancelIndexing, guard(() => services.cancelIndexing()))
  validated(Channels.search, isSearchRequest, 'search expects { query: string (≤ 1000 chars), limit?, offset?, entities?, excludeEntities?, sort? }', (r) => services.search(r))
  validated(Channels.timeline, isTimelineRequest, 'timeline expects { query?: string, entities?: string[], from?: YYYY-MM-DD, to?: YYYY-MM-DD, limit? }', (r) => services.timeline(r))
  validated(Channels.document, isDocumentRequest, 'document expects { path: string, query?: string }', (r) => services.document(r))
  validated(Channels.entities, isEntityListRequest, 'entities expects { query?: string (≤ 200 chars), type?: person|organization|place, limit?: 1-500, sort?: count|name, hidden?: boolean }', (r) => services.entities(r))
  validated(Channels.curate, isCurationRequest, 'curate expects { op: "merge", ids: [2-20 ids], name? } | { op: "rename", id, name } | { op: "retype", id, type } | { op: "hide" | "unhide", id }', (r) => services.curate(r))
  validated(Channels.setPublished, isPublishedRequest, 'setPublished expects { path: string, date: a real day as YYYY-MM-DD, "unknown", or null }', (r) => services.setPublished(r))
  validated(Channels.importPaths, isImportPaths, 'import expects 1 to 10,000 absolute file or folder paths', (p) => services.importPaths(p))
  ipc.handle(Channels.chooseImport, guard(() => services.chooseImport()))
  ipc.handle(Channels.cancelImport, guard(() => services.cancelImport()))
}
