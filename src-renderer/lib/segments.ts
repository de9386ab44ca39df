/**
 * Split a text into runs by overlapping layers of [start, end) spans (search hits, entity
 * mentions, reused passages), so the reader renders plain text nodes with classes — never HTML
 * from the document. Pure.
 */
export interface Layer {
  name: string
  spans: ReadonlyArray<readonly [number, number]>
  /** a value per span (e.g. the entity type), in the same order */
  values?: readonly string[]
}

export interface Run {
  start: number
  end: number
  text: string
  /** layer name → value ('' for layers without values) */
  marks: Record<string, string>
}

export function splitRuns(text: string, layers: readonly Layer[]): Run[] {
  const cuts = new Set<number>([0, text.length])
  for (const l of layers) for (const [s, e] of l.spans) {
    if (e <= s) continue
    cuts.add(Math.max(0, Math.min(text.length, s)))
    cuts.add(Math.max(0, Math.min(text.length, e)))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const runs: Run[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    if (end <= start) continue
    const marks: Record<string, string> = {}
    for (const l of layers) {
      const k = l.spans.findIndex(([s, e]) => s <= start && e >= end)
      if (k >= 0) marks[l.name] = l.values?.[k] ?? ''
    }
    runs.push({ start, end, text: text.slice(start, end), marks })
  }
  return runs
}
