/**
 * Names for imported copies. Archives move between Linux, macOS and Windows machines and USB
 * disks (FAT/exFAT), so a copy's name must be valid on all of them: characters Windows refuses
 * become "_", reserved device names get a prefix, and every name fits in 255 bytes of UTF-8.
 * Pure functions.
 */

const MAX_NAME_BYTES = 255
const INVALID = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i

export interface PortableName {
  name: string
  /** why the name differs from the original, when it does */
  changed?: string
}

export function portableName(original: string): PortableName {
  let name = original.normalize('NFC').replace(INVALID, '_').replace(/[. ]+$/, '')
  let changed = name !== original.normalize('NFC') ? 'characters not allowed on every file system were replaced' : undefined
  if (!name || /^\.+$/.test(name)) name = 'article'
  if (RESERVED.test(name)) {
    name = '_' + name
    changed = 'a name reserved on Windows was prefixed'
  }
  if (bytes(name) > MAX_NAME_BYTES) {
    name = fitName(name, '')
    changed = 'the name was too long for the file system and was shortened'
  }
  return changed ? { name, changed } : { name }
}

/** "report.txt", 2 → "report (2).txt", still within 255 bytes. */
export function numberedName(name: string, n: number): string {
  return n <= 1 ? name : fitName(name, ` (${n})`)
}

/** Shorten the stem (never the extension) so stem + suffix + extension fits in 255 bytes. */
function fitName(name: string, suffix: string): string {
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : ''
  let stem = ext ? name.slice(0, dot) : name
  const budget = MAX_NAME_BYTES - bytes(ext) - bytes(suffix)
  if (bytes(stem) > budget) {
    // cut whole code points, never half of a UTF-8 sequence or a surrogate pair
    const chars = [...stem]
    while (chars.length && bytes(chars.join('')) > budget) chars.pop()
    stem = chars.join('').replace(/[. ]+$/, '') || 'article'
  }
  return stem + suffix + ext
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8')
}
