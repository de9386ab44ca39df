/** dateline stories <archive> [--all]: groups of copies and rewrites; --all adds the documents in no story. */
import type { StoryView } from '../../core/api'
import type { Command } from '../context'

export const storiesCommand: Command = async ({ args, io, json, openIndexed }) => {
  const svc = await openIndexed()
  const stories = svc.stories()
  // documents in no story are omitted unless --all lists them as one-member stories
  const singles = args.flags.has('all') ? svc.documents().filter((d) => !svc.documentStory(d.id)) : []
  if (json) {
    io.out(JSON.stringify({
      stories: stories.map(jsonStory),
      ...(args.flags.has('all') ? { singletons: singles.map((d) => ({ path: d.path, published: svc.published(d.id).date })) } : {})
    }))
  } else io.out(formatStories(stories, singles.map((d) => d.path)))
  return 0
}

function jsonStory(s: StoryView) {
  return {
    id: s.id,
    original: s.original,
    documents: s.members.map((m) => ({ path: m.path, role: m.role, ...(m.of ? { of: m.of } : {}), similarity: m.similarity, containment: m.containment, published: m.published }))
  }
}

function formatStories(stories: StoryView[], singles: string[]): string {
  const lines: string[] = [`${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}`]
  for (const s of stories) {
    lines.push('', `${s.id}  (${s.members.length} documents)`)
    for (const m of s.members) {
      const how = m.of ? ` of ${m.of}  (containment ${m.containment}, similarity ${m.similarity})` : ''
      lines.push(`  ${m.role.padEnd(8)} ${m.path}${how}  published ${m.published ?? 'unknown'}`)
    }
  }
  if (singles.length) lines.push('', `${singles.length} documents in no story:`, ...singles.map((p) => `  ${p}`))
  return lines.join('\n')
}
