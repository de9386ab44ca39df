/**
 * The recogniser's labels: BIO tags over people, organisations, places and other names (MISC:
 * nationalities, events, products). MISC is learned so such names are kept out of the three
 * types, not forced into one of them; the product uses PER, ORG and LOC.
 */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const
export type Label = (typeof LABELS)[number]
export const O = 0

/** The type a label belongs to ('' for O). */
export function typeOf(label: number): string {
  return label === O ? '' : LABELS[label]!.slice(2)
}

export function isBegin(label: number): boolean {
  return label !== O && LABELS[label]!.startsWith('B-')
}

/** I-X may only continue a B-X or I-X (no entity starts with I-). */
export function allowed(prev: number, label: number): boolean {
  if (label === O || isBegin(label)) return true
  return prev !== O && typeOf(prev) === typeOf(label)
}

/** Spans [from, to) with their type from a label sequence. */
export function spansOf(labels: readonly number[]): Array<{ from: number; to: number; type: string }> {
  const out: Array<{ from: number; to: number; type: string }> = []
  let open: { from: number; type: string } | undefined
  labels.forEach((l, i) => {
    const t = typeOf(l)
    if (open && (l === O || isBegin(l) || t !== open.type)) {
      out.push({ from: open.from, to: i, type: open.type })
      open = undefined
    }
    if (l !== O && !open) open = { from: i, type: t }
  })
  if (open) out.push({ from: open.from, to: labels.length, type: open.type })
  return out
}
