/** Minimal argv parsing for the dateline command: positionals plus --flag / --flag value. */
import { DatelineError } from '../core/errors'

export interface ParsedArgs {
  positionals: string[]
  /** last value of each flag */
  flags: Map<string, string | true>
  /** every value of a repeatable flag (--entity a --entity b) */
  all(name: string): string[]
}

export function parseArgs(argv: readonly string[], valueFlags: readonly string[], boolFlags: readonly string[]): ParsedArgs {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  const lists = new Map<string, string[]>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2)
      if (valueFlags.includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i]
        if (value === undefined) throw new DatelineError('usage', `--${name} needs a value`)
        flags.set(name, value)
        lists.set(name, [...(lists.get(name) ?? []), value])
      } else if (boolFlags.includes(name)) {
        flags.set(name, true)
      } else {
        throw new DatelineError('usage', `unknown option --${name}`)
      }
      continue
    }
    positionals.push(a)
  }
  return { positionals, flags, all: (name) => lists.get(name) ?? [] }
}
