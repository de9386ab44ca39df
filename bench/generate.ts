/**
 * Deterministic synthetic news archive: N articles of ~4 KB from a seed, written as real files.
 * Sentences are composed from templates with names, places, organisations and numbers, with a
 * share of scraped copies (punctuation stripped) and rewrites, so the index sees realistic mess.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = ['Amal', 'Bashir', 'Carmen', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hassan', 'Ines', 'Jonas', 'Karim', 'Leila', 'Marek', 'Nadia', 'Omar', 'Priya', 'Rania', 'Samir', 'Tomas', 'Yusuf']
const LAST = ['al-Rashid', 'Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Petrov', 'al-Amin', 'Castillo', 'Nakamura', 'Brennan', 'Osei', 'Vasquez', 'Kowalski', 'Rahimi', 'Duarte']
const PLACES = ['Port Selwyn', 'Deir al-Hamra', 'Kestrel Bay', 'Tal Warda', 'Novi Brod', 'Ashgrove', 'Qasr Nīla', 'Valmora', 'Eastbridge', 'Sarn Hollow', 'Marisco', 'Dunmere']
const ORGS = ['the Coastal Workers League', 'the Ministry of Transport', 'the Northern Relief Agency', 'the Harbour Authority', 'the Civic Observatory', 'the Federal Police', 'the Red Lantern Party', 'the Regional Health Board']
const EVENTS = ['a strike', 'a flood', 'an explosion', 'a protest', 'an election dispute', 'a fuel shortage', 'a court ruling', 'a ceasefire', 'a cyber attack', 'a bridge collapse']
const VERBS = ['said', 'told reporters', 'warned', 'confirmed', 'denied', 'announced', 'claimed']
const ADJ = ['fragile', 'tense', 'uncertain', 'improving', 'chaotic', 'calm', 'deteriorating']
const FILL = [
  'Officials declined to give a timetable for the talks.',
  'Residents described long queues outside the few shops still open.',
  'The figures could not be independently verified.',
  'Analysts said the dispute reflected deeper problems in the regional economy.',
  'Several roads into the town remained closed on Thursday.',
  'Observers expect the issue to dominate the next session of parliament.',
  'Aid workers reported shortages of clean water and medicine.',
  'The announcement was met with scepticism by opposition groups.'
]

/** Returns which generated file was derived from which original (the ground truth for story benchmarks). */
export function generateArchive(dir: string, n: number, seed = 42): Array<{ file: string; of: string; kind: 'copy' | 'rewrite' }> {
  const r = rng(seed)
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!
  const num = () => (r() < 0.5 ? String(Math.floor(r() * 90) + 2) : (Math.floor(r() * 9000) + 1000).toLocaleString('en-US'))
  // a large pseudo-word vocabulary: real articles share names and stock phrases, not whole sentences
  const SYL = ['ka', 'lo', 'mer', 'tan', 'vi', 'sol', 'dre', 'ni', 'quo', 'bar', 'tel', 'sam', 'ru', 'fen', 'gal', 'pit', 'or', 'ez', 'hul', 'cy']
  const vocab = Array.from({ length: 6000 }, () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(SYL)).join(''))
  const clause = () => Array.from({ length: 6 + Math.floor(r() * 6) }, () => pick(vocab)).join(' ')
  const sentence = () =>
    r() < 0.75 ? `${clause().replace(/^./, (c) => c.toUpperCase())} ${pick(VERBS)} ${pick(FIRST)} ${pick(LAST)} in ${pick(PLACES)}, ${clause()}.` : templated()
  const templated = () => {
    const who = `${pick(FIRST)} ${pick(LAST)}`
    switch (Math.floor(r() * 5)) {
      case 0:
        return `"The situation in ${pick(PLACES)} is ${pick(ADJ)}," ${pick(VERBS)} ${who}, a spokesperson for ${pick(ORGS)}.`
      case 1:
        return `${pick(ORGS).replace(/^the/, 'The')} ${pick(VERBS)} that ${num()} people were affected by ${pick(EVENTS)} near ${pick(PLACES)}.`
      case 2:
        return `According to ${who}, ${pick(EVENTS)} in ${pick(PLACES)} left ${num()} families without shelter last week.`
      case 3:
        return `${who} of ${pick(ORGS)} ${pick(VERBS)} that the ${pick(ADJ)} situation could last for months.`
      default:
        return pick(FILL)
    }
  }
  const originals: Array<{ file: string; text: string }> = []
  const derived: Array<{ file: string; of: string; kind: 'copy' | 'rewrite' }> = []
  const fileOf = (i: number) => path.join(`batch-${String(Math.floor(i / 500)).padStart(3, '0')}`, `article-${String(i).padStart(6, '0')}.txt`)
  for (let i = 0; i < n; i++) {
    let text: string
    const kind = r()
    if (originals.length > 10 && kind < 0.1) {
      // scraped copy: punctuation and paragraph breaks stripped
      const o = pick(originals)
      derived.push({ file: fileOf(i), of: o.file, kind: 'copy' })
      text = o.text.replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, ' ')
    } else if (originals.length > 10 && kind < 0.15) {
      // rewrite: two paragraphs quoted from an original, the rest new
      const o = pick(originals)
      derived.push({ file: fileOf(i), of: o.file, kind: 'rewrite' })
      const src = o.text.split('\n\n').slice(1)
      const quoted = src.slice(0, 2).join('\n\n')
      const own = Array.from({ length: 3 }, () => Array.from({ length: 4 }, sentence).join(' ')).join('\n\n')
      text = `Report: ${pick(EVENTS)} in ${pick(PLACES)}\n\n${own}\n\nAs reported elsewhere: ${quoted}\n`
    } else {
      const title = `${pick(EVENTS).replace(/^an? /, '').replace(/^./, (c) => c.toUpperCase())} in ${pick(PLACES)}: ${pick(ORGS).replace(/^the /, '')} ${pick(VERBS)}`
      const paras: string[] = []
      let size = title.length
      while (size < 3800 + r() * 800) {
        const p = Array.from({ length: 3 + Math.floor(r() * 4) }, sentence).join(' ')
        paras.push(p)
        size += p.length + 2
      }
      text = `${title}\n\n${paras.join('\n\n')}\n`
      originals.push({ file: fileOf(i), text })
    }
    mkdirSync(path.join(dir, path.dirname(fileOf(i))), { recursive: true })
    writeFileSync(path.join(dir, fileOf(i)), text)
  }
  return derived
}

/** The bench archive of n articles in .bench/, generated on first use. */
export function ensureArchive(n: number): string {
  const dir = path.resolve('.bench', `archive-${n}`)
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true })
    generateArchive(dir, n)
  }
  return dir
}
