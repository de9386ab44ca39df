/**
 * The smallest store that does the job: a state object replaced (never mutated) by `set`, and
 * listeners told after each change. `StoreController` re-renders a Lit component when a store it
 * reads changes, so components draw state instead of holding it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export class Store<S extends object> {
  private listeners = new Set<(state: S) => void>()

  constructor(private current: S) {}

  get state(): S {
    return this.current
  }

  set(patch: Partial<S>): void {
    this.current = { ...this.current, ...patch }
    for (const l of this.listeners) l(this.current)
  }

  subscribe(listener: (state: S) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
}

/** Anything a component can watch for changes. */
export interface Subscribable {
  subscribe(listener: () => void): () => void
}

export class StoreController implements ReactiveController {
  private offs: Array<() => void> = []

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly stores: readonly Subscribable[]
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    this.offs = this.stores.map((s) => s.subscribe(() => this.host.requestUpdate()))
  }

  hostDisconnected(): void {
    for (const off of this.offs) off()
    this.offs = []
  }
}
