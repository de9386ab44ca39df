/**
 * styleProps({ top: '40px' }): set inline style properties through CSSOM on every render.
 * Lit's styleMap writes a style="…" attribute on the first render, which a CSP without
 * 'unsafe-inline' blocks; CSSOM writes are allowed, so the window keeps style-src 'self'.
 */
import { noChange, type ElementPart } from 'lit'
import { Directive, PartType, directive, type PartInfo } from 'lit/directive.js'

class StylePropsDirective extends Directive {
  private last = new Set<string>()

  constructor(info: PartInfo) {
    super(info)
    if (info.type !== PartType.ELEMENT) throw new Error('styleProps() goes in an element, not an attribute')
  }

  render(_props: Record<string, string>): typeof noChange {
    return noChange
  }

  override update(part: ElementPart, [props]: [Record<string, string>]): typeof noChange {
    const style = (part.element as HTMLElement).style
    for (const name of this.last) if (!(name in props)) style.removeProperty(name)
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value)
    this.last = new Set(Object.keys(props))
    return noChange
  }
}

export const styleProps = directive(StylePropsDirective)
