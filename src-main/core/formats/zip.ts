/**
 * Reading parts of a zip container (DOCX, ODT) with limits: the sizes its directory declares are
 * checked before anything is inflated, so a zip bomb is refused with a reason, not unpacked.
 */
import { unzipSync } from 'fflate'
import { LIMITS } from './types'

export type ZipRead = { ok: true; files: Record<string, Uint8Array> } | { ok: false; reason: string }

/** The named parts (others are not inflated), after checking the whole archive's declared sizes. */
export function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean): ZipRead {
  let total = 0
  let bomb = false
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize
        if (f.originalSize > LIMITS.maxInflated || (f.size > 0 && f.originalSize / f.size > LIMITS.maxRatio && f.originalSize > 10 * 1024 * 1024)) bomb = true
        return false
      }
    })
  } catch {
    return { ok: false, reason: 'damaged file (not a readable zip container)' }
  }
  if (bomb || total > LIMITS.maxInflated) return { ok: false, reason: `refused: it would unpack to ${(total / 1024 / 1024).toFixed(0)} MB (a zip bomb or an oversized file)` }
  try {
    return { ok: true, files: unzipSync(bytes, { filter: (f) => wanted(f.name) }) }
  } catch {
    return { ok: false, reason: 'damaged file (not a readable zip container)' }
  }
}

/** An encrypted (or pre-2007) Office file is an OLE compound file, not a zip: told apart by its signature. */
export function isOleFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
}
