/**
 * Stage 8: make the update durable, in the order that makes a crash harmless: new segment files,
 * then the manifest change, then the obsolete segment files are deleted (search/index-store.ts).
 */
import type { IndexStore, Manifest } from '../search/index-store'
import type { Segment } from '../search/segment'

export async function commitIndex(
  store: IndexStore,
  next: { manifest: Manifest; segments: ReadonlyMap<string, Segment> },
  previous: Manifest,
  newSegments: readonly Segment[],
  obsolete: ReadonlySet<string>
): Promise<number> {
  // a segment built and merged away in the same update is never written
  const written = newSegments.filter((s) => next.segments.has(s.id))
  for (const s of written) await store.writeSegment(s)
  await store.writeManifest(next.manifest, previous)
  await store.deleteSegments([...obsolete].filter((id) => previous.segments.includes(id)))
  return written.length
}
