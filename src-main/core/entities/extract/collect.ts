/**
 * One DocEntity per merge key: each chunk counts for the chunk it names, with its mention in the
 * original text's offsets and the spellings the document uses; the fullest name wins.
 */
import { entityKey, placeSkeleton } from '../keys'
import type { DocEntity, Span } from '../types'
import { surface, type ExtractionDoc } from './document'

export function collectEntities(d: ExtractionDoc): DocEntity[] {
  const { chunks, tokens, prep, original } = d
  const out = new Map<string, DocEntity & { names: Map<string, number>; rootNames: Set<string> }>()
  for (const c of chunks) {
    let root = c
    while (root.ref) root = root.ref
    const type = root.kind
    if (type !== 'person' && type !== 'organization' && type !== 'place') continue
    const key = (root.key ??= type === 'place' ? `place:~${placeSkeleton(surface(d, root))}` : entityKey(type, surface(d, root)))
    if (/[:~]$/.test(key)) continue // nothing name-like left after folding
    let e = out.get(key)
    if (!e) out.set(key, (e = { key, type, name: '', mentions: [], names: new Map(), rootNames: new Set() }))
    const span: Span = [prep.toOriginal(tokens[c.from]!.start), prep.toOriginal(tokens[c.to - 1]!.end)]
    e.mentions.push(span)
    const own = c.possessive ? original.slice(span[0], span[1] - 1) : original.slice(span[0], span[1]).replace(/['’]s$/u, '')
    e.names.set(own, (e.names.get(own) ?? 0) + 1)
    if (root !== c || root.known || root.display) e.rootNames.add(root.known ? root.known.name : (root.display ?? surface(d, root)))
    for (const l of root.links) if (l !== key && !(e.links ??= []).includes(l)) e.links.push(l)
  }
  return [...out.values()].map(({ names, rootNames, ...e }) => {
    // the fullest name this document uses; the other spellings it uses are kept as forms
    const candidates = [...rootNames, ...names.keys()]
    // the fullest; between equals, the one not in capitals ("Port Selwyn" over a dateline's "PORT SELWYN")
    const shouted = (s: string) => (s === s.toUpperCase() ? 1 : 0)
    e.name = candidates.sort((a, b) => b.length - a.length || shouted(a) - shouted(b))[0]!
    const forms = [...names.keys()].filter((n) => n !== e.name)
    if (forms.length) e.forms = forms
    e.mentions.sort((a, b) => a[0] - b[0])
    return e
  })
}
