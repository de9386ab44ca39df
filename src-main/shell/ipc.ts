/**
 * IPC handlers for every channel of the contract. Depends on a small IpcMainLike interface and a
 * Services object, never on the electron module at run time, so tests drive it with fakes.
 * Every call checks the sender and validates its arguments before any service runs.
 */
import type { IpcMainInvokeEvent } from 'electron'
import { CALLS, checkArgument, type Result, type Services } from '../contract/api'
import { isTrustedSenderUrl, type TrustedOrigins } from './sender'

export type { Services } from '../contract/api'

export type InvokeEventLike = Pick<IpcMainInvokeEvent, 'senderFrame'>

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void
}

export class UntrustedSenderError extends Error {}

const invalid = (message: string): Result<never> => ({ ok: false, error: { code: 'invalid', message } })

/** One handler per call of the contract table: sender checked, argument validated, then the service. */
export function registerIpcHandlers(ipc: IpcMainLike, services: Services, trusted: TrustedOrigins): void {
  for (const [name, spec] of Object.entries(CALLS)) {
    const service = services[name as keyof Services] as (arg?: unknown) => unknown
    ipc.handle(spec.channel, (event: InvokeEventLike, ...args: unknown[]) => {
      // senderFrame is null when the frame navigated away or was destroyed
      if (!isTrustedSenderUrl(event.senderFrame?.url, trusted)) throw new UntrustedSenderError('IPC from an untrusted frame was refused')
      const checked = checkArgument(spec, args[0])
      if (!checked.ok) return invalid(checked.message)
      return 'arg' in spec ? service.call(services, checked.value) : service.call(services)
    })
  }
}
