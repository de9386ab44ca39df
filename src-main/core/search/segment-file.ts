/**
 * A segment on disk, in one binary file that loads without parsing the index:
 *
 *   'DLSG' · u32 version · u32 header length · 20-byte SHA-1 of everything after it
 *   header JSON: { id, docs (what every search needs), entityTable, sections: [name, offset, length][] }
 *   sections, 8-byte aligned: terms (UTF-8, "\n"-separated), texts and details (UTF-8) with their
 *   offsets, docEnt pairs and story samples with offsets, and per field off / doc (u32) and tf (u16),
 *   little-endian
 *
 * Loading is one read, a checksum and typed-array views over the same buffer; texts stay UTF-8
 * until shown. Lunr's JSON took ~8 s to write and several to parse at 10,000 articles
 * (docs/design/scale.md). A truncated, foreign or bit-flipped file is refused as a whole.
 */
import { createHash } from 'node:crypto'
import { FIELDS, SEGMENT_VERSION, type SegmentData } from './segment'

const MAGIC = 'DLSG'
const PREFIX = 32 // magic 4 + version 4 + header length 4 + sha1 20

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('Dateline index files need a little-endian machine')

type Section = [name: string, offset: number, length: number]

const align8 = (n: number) => (n + 7) & ~7

export function encodeSegment(data: SegmentData): Buffer[] {
  const blobs: Array<[string, Uint8Array]> = [
    ['terms', Buffer.from(data.terms.join('\n'), 'utf8')],
    ['texts', data.texts],
    ['textOff', u8(data.textOff)],
    ['details', data.details],
    ['detailsOff', u8(data.detailsOff)],
    ['docEnt', u8(data.docEnt)],
    ['docEntOff', u8(data.docEntOff)],
    ['samples', u8(data.samples)],
    ['sampleOff', u8(data.sampleOff)]
  ]
  data.postings.forEach((p, i) => {
    const f = FIELDS[i]!
    blobs.push([`${f}.off`, u8(p.off)], [`${f}.doc`, u8(p.doc)], [`${f}.tf`, u8(p.tf)])
  })
  const sections: Section[] = []
  let at = 0
  for (const [name, b] of blobs) {
    sections.push([name, at, b.byteLength])
    at = align8(at + b.byteLength)
  }
  let header = Buffer.from(JSON.stringify({ id: data.id, docs: data.docs, entityTable: data.entityTable, sections }), 'utf8')
  header = Buffer.concat([header, Buffer.alloc(align8(PREFIX + header.length) - PREFIX - header.length, 0x20)])
  const body: Uint8Array[] = [header]
  for (const [, b] of blobs) {
    body.push(b)
    if (b.byteLength % 8) body.push(Buffer.alloc(8 - (b.byteLength % 8)))
  }
  const sha = createHash('sha1')
  for (const b of body) sha.update(b)
  const prefix = Buffer.alloc(PREFIX)
  prefix.write(MAGIC, 0, 'latin1')
  prefix.writeUInt32LE(SEGMENT_VERSION, 4)
  prefix.writeUInt32LE(header.length, 8)
  sha.digest().copy(prefix, 12)
  return [prefix, ...body.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength))]
}

/** The segment in `file`, or an Error saying why the file is not one (damaged, foreign, another version). */
export function decodeSegment(file: Buffer, expectedId: string): SegmentData | Error {
  if (file.length < PREFIX || file.toString('latin1', 0, 4) !== MAGIC) return new Error('not a Dateline segment file')
  if (file.readUInt32LE(4) !== SEGMENT_VERSION) return new Error('segment made by another version of Dateline')
  const headerLen = file.readUInt32LE(8)
  if (PREFIX + headerLen > file.length) return new Error('segment file is truncated')
  if (!createHash('sha1').update(file.subarray(PREFIX)).digest().equals(file.subarray(12, PREFIX))) return new Error('segment file is damaged (checksum)')
  let header: { id: string; docs: SegmentData['docs']; entityTable: SegmentData['entityTable']; sections: Section[] }
  try {
    header = JSON.parse(file.toString('utf8', PREFIX, PREFIX + headerLen))
  } catch {
    return new Error('segment header is damaged')
  }
  if (header.id !== expectedId) return new Error(`segment file holds ${header.id}, not ${expectedId}`)
  // typed-array views need aligned offsets: copy the rare buffer that is not (a pooled small read)
  const buf = file.byteOffset % 8 ? Buffer.from(file) : file
  const base = PREFIX + headerLen
  const sec = new Map(header.sections.map(([name, offset, length]) => [name, { offset: base + offset, length }]))
  const bytes = (name: string) => {
    const s = sec.get(name)
    if (!s || s.offset + s.length > buf.length) throw new Error(`segment section ${name} is missing`)
    return s
  }
  const u32 = (name: string) => {
    const s = bytes(name)
    return new Uint32Array(buf.buffer, buf.byteOffset + s.offset, s.length / 4)
  }
  const u16 = (name: string) => {
    const s = bytes(name)
    return new Uint16Array(buf.buffer, buf.byteOffset + s.offset, s.length / 2)
  }
  try {
    const t = bytes('terms')
    const slice = (name: string) => {
      const x = bytes(name)
      return buf.subarray(x.offset, x.offset + x.length)
    }
    const termText = buf.toString('utf8', t.offset, t.offset + t.length)
    return {
      id: header.id,
      docs: header.docs,
      entityTable: header.entityTable,
      terms: termText ? termText.split('\n') : [],
      texts: slice('texts'),
      textOff: u32('textOff'),
      details: slice('details'),
      detailsOff: u32('detailsOff'),
      docEnt: u32('docEnt'),
      docEntOff: u32('docEntOff'),
      samples: u32('samples'),
      sampleOff: u32('sampleOff'),
      postings: FIELDS.map((f) => ({ off: u32(`${f}.off`), doc: u32(`${f}.doc`), tf: u16(`${f}.tf`) }))
    }
  } catch (err) {
    return err as Error
  }
}

function u8(a: Uint32Array | Uint16Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}
