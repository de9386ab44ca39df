/**
 * How an update splits its changed files into segment batches. Pure: tested on its own.
 *
 * - One segment per batch, at most `segmentBatch` documents.
 * - At least two batches once the workers are worth starting, so the first batch's segment and
 *   story links are built while the workers analyse the second (2,000 files: 1,000 + 1,000).
 * - A small last batch: what this thread does after the workers' last answer (build that segment,
 *   link its stories) runs on one core alone, so it should be short (10,000: 5,000 + 4,000 + 1,000).
 * - On request a small first batch, for a new archive: its segment is searchable while the rest is
 *   analysed (10,000: 500 + 4,750 + 3,750 + 1,000).
 */
export function batchRanges(files: number, segmentBatch: number, workerMin: number, tail = workerMin, first?: number): Array<[number, number]> {
  if (files <= 0) return []
  // a first batch of `first` files: a new archive answers searches once it is built, long before the end
  const head = first === undefined ? 0 : Math.min(first, segmentBatch)
  if (head > 0 && files > 2 * head) return [[0, head], ...batchRanges(files - head, segmentBatch, workerMin, tail).map(([a, b]): [number, number] => [a + head, b + head])]
  const step = Math.min(segmentBatch, Math.max(workerMin, Math.ceil(files / 2)))
  const out: Array<[number, number]> = []
  for (let i = 0; i < files; i += step) out.push([i, Math.min(files, i + step)])
  const last = out[out.length - 1]!
  if (out.length > 1 && last[1] - last[0] > 2 * tail) {
    out.pop()
    out.push([last[0], last[1] - tail], [last[1] - tail, last[1]])
  }
  return out
}

/** Files of one batch read and analysed in chunks this size, so the workers start on a batch before all of it is read. */
export const READ_CHUNK = 500
