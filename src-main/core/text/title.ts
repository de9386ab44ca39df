/**
 * A document's title: its first meaningful line. Scraped news files open with photo captions,
 * credits ("Name/REUTERS"), reading times ("6 min read"), bylines and bare dates; none of those
 * is a title. A file with no headline (one long paragraph) gets its opening words.
 */

const MAX_TITLE = 140

const NOT_TITLE: RegExp[] = [
  /^\d+\s*(?:min|mins|minute|minutes)\s+read$/i,
  /^(?:advertisement|sponsored|share( this)?( article)?|subscribe.*|sign in.*|log in.*|read more.*|related( articles?)?:?|listen.*|print|comments?)$/i,
  /^[Bb][Yy]\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(?:\s*[,|]\s*.*)?$/u, // byline ("By Ana Costa"; no i flag: it would let \p{Lu} match any letter)
  /^(?:updated|published|posted)\b.*\d/i,
  /^(?:\d{1,2}\s+\p{L}+,?\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})(?:\s+\d{1,2}:\d{2}.*)?$/u, // bare date
  /\b(?:getty images|ap photo|afp photo|photograph:|photo:|photo credit|image:|credit:)/i,
  /\[(?:afp|ap|reuters|getty|epa)[^\]]*\]\s*$/i, // caption ending in an agency credit
  /^[\p{L} .'-]{3,60}\/\s?(?:\p{Lu}{2,}|getty|reuters|afp)\b/u // "Name Surname/REUTERS"
]

function isTitleCandidate(line: string): boolean {
  const wordCount = line.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
  if (wordCount < 2) return false
  return !NOT_TITLE.some((re) => re.test(line))
}

export function extractTitle(text: string, fallback: string): string {
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine
      .replace(/^\s*#{1,6}\s+/, '') // Markdown heading
      .replace(/^\s*(?:\*\*|__)(.*?)(?:\*\*|__)\s*$/, '$1')
      .replace(/\s+/g, ' ')
      .trim()
    if (!line || !isTitleCandidate(line)) continue
    if (line.length <= MAX_TITLE) return line
    return openingWords(line)
  }
  return fallback
}

/** First sentence, or the first words cut at a word boundary, for files with no headline. */
function openingWords(line: string): string {
  const sentence = /^(.{20,}?[.!?])\s/.exec(line)?.[1]
  if (sentence && sentence.length <= MAX_TITLE) return sentence
  const cut = line.slice(0, MAX_TITLE)
  const space = cut.lastIndexOf(' ')
  return (space > 40 ? cut.slice(0, space) : cut) + '…'
}
