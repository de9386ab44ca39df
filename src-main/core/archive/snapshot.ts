/**
 * The open archive as one immutable value: the manifest and the segments it points to. Readers
 * (search, entities, stories, timeline) share a snapshot; an update builds the next one and swaps
 * it in whole, so a reader never sees half an update. Derived lookups (live masks, documents by
 * path) are computed once per snapshot.
 */
import { DatelineError } from '../errors'
import type { IndexedDocument, Manifest } from '../search/index-store'
import type { Segment, SegmentDoc } from '../search/segment'

export class ArchiveSnapshot {
  private readonly liveMasks = new WeakMap<Segment, Uint8Array>()
  private byPath: Map<string, IndexedDocument> | undefined
  private pendingCount: number | undefined

  constructor(
    readonly manifest: Manifest,
    readonly segments: ReadonlyMap<string, Segment>
  ) {}

  get documentCount(): number {
    return Object.keys(this.manifest.docs).length
  }

  /**
   * How much of the archive is analysed (entities, dates, events, stories): the rest is searchable
   * by its text only until the background analysis reaches it (two-phase indexing).
   */
  coverage(): { documents: number; analysed: number } {
    const documents = this.documentCount
    if (this.pendingCount === undefined) {
      let n = 0
      for (const seg of this.segments.values()) n += seg.livePending(this.manifest.docs).length
      this.pendingCount = n
    }
    return { documents, analysed: documents - this.pendingCount }
  }

  /** Whether a document is searchable but not analysed yet. */
  isPending(meta: IndexedDocument): boolean {
    return this.segments.get(meta.segment)?.pendingIds.has(meta.id) ?? false
  }

  documents(): IndexedDocument[] {
    return Object.values(this.manifest.docs)
  }

  /** A document by id or by relative path (either slash); a readable error when it is not indexed. */
  meta(pathOrId: string): IndexedDocument {
    const norm = pathOrId.replace(/\\/g, '/').replace(/^\.\//, '')
    // own keys only: "constructor" or "__proto__" typed by a user must not reach Object.prototype
    const byId = (k: string) => (Object.hasOwn(this.manifest.docs, k) ? this.manifest.docs[k] : undefined)
    // the path as given first: on Linux and macOS a backslash is part of a file name, not a separator
    const meta = byId(pathOrId) ?? this.pathIndex().get(pathOrId) ?? byId(norm) ?? this.pathIndex().get(norm) ?? this.byComposedPath(norm)
    if (!meta) throw new DatelineError('not-found', `"${pathOrId}" is not an indexed document of this archive.`)
    return meta
  }

  /** A path typed in another Unicode form than the file system's (é as one or two code points), when only one document matches. */
  private byComposedPath(p: string): IndexedDocument | undefined {
    const want = p.normalize('NFC')
    const found = this.documents().filter((d) => d.path.normalize('NFC') === want)
    return found.length === 1 ? found[0] : undefined
  }

  /** The indexed text and analysis of a document. */
  segmentDocOf(meta: IndexedDocument): SegmentDoc {
    const sd = this.segments.get(meta.segment)?.docs.get(meta.id)
    if (!sd) throw new DatelineError('corrupt', `The index entry for "${meta.path}" is missing; run dateline index again.`)
    return sd
  }

  /** The same, or undefined when the segment does not hold it. */
  findSegmentDoc(meta: IndexedDocument): SegmentDoc | undefined {
    return this.segments.get(meta.segment)?.docs.get(meta.id)
  }

  /** Which documents of a segment are current (not replaced by a newer version elsewhere). */
  liveMask(seg: Segment): Uint8Array {
    const cached = this.liveMasks.get(seg)
    if (cached) return cached
    const docs = this.manifest.docs
    const mask = new Uint8Array(seg.size)
    seg.refs.forEach((ref, i) => (mask[i] = docs[ref]?.segment === seg.id ? 1 : 0))
    this.liveMasks.set(seg, mask)
    return mask
  }

  private pathIndex(): Map<string, IndexedDocument> {
    return (this.byPath ??= new Map(Object.values(this.manifest.docs).map((d) => [d.path, d])))
  }
}
