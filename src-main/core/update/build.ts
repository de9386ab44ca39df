/**
 * Stage 5: one batch of analysed documents becomes a new segment, and the working manifest points
 * its documents to it.
 */
import type { Document } from '../archive/document'
import type { Manifest } from '../search/index-store'
import { Segment, type NewSegmentDoc } from '../search/segment'

export function buildSegment(manifest: Manifest, batch: Document[], analyzed: NewSegmentDoc[], now: number): Segment {
  const seg = Segment.build(`s${manifest.nextSegment++}`, analyzed)
  for (const d of batch) {
    const { text: _text, ...meta } = d
    manifest.docs[d.id] = { ...meta, segment: seg.id, indexedAt: manifest.docs[d.id]?.indexedAt ?? now }
    d.text = '' // the segment keeps the text (as UTF-8) from here on: let the string go
  }
  return seg
}
