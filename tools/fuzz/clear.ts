/** Why an error message shown to a user is not clear, or undefined when it is. */
export function unclearMessage(message: string): string | undefined {
  if (!message.trim()) return 'empty'
  if (/\n\s+at .+:\d+:\d+/.test(message)) return 'a stack trace'
  if (/\bundefined\b|\[object |\bNaN\b|TypeError|RangeError|SyntaxError|ReferenceError/.test(message)) return 'a programming error'
  if (message.length > 600) return 'over 600 characters'
  return undefined
}
