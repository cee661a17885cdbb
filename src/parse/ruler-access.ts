// Reaching into markdown-it's rulers: the rule functions by name, and replacing a block
// rule without losing the list of rules it may interrupt.
import type { MarkdownIt as MarkdownItType, StateBlock, StateCore, StateInline } from 'markdown-it';

export type InlineRule = (state: StateInline, silent: boolean) => boolean;
export type BlockRule = (
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
) => boolean;

export function findInlineRule(md: MarkdownItType, name: string): InlineRule | undefined {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] })
    .__rules__;
  return rules.find((r) => r.name === name)?.fn;
}

export type CoreRule = (state: StateCore) => void;

export function findCoreRule(md: MarkdownItType, name: string): CoreRule | undefined {
  const rules = (md.core.ruler as unknown as { __rules__: { name: string; fn: CoreRule }[] })
    .__rules__;
  return rules.find((r) => r.name === name)?.fn;
}

export function findBlockRule(md: MarkdownItType, name: string): BlockRule | undefined {
  return blockRuleEntry(md, name)?.fn;
}

function blockRuleEntry(
  md: MarkdownItType,
  name: string,
): { name: string; fn: BlockRule; alt: string[] } | undefined {
  const rules = (
    md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] }
  ).__rules__;
  return rules.find((r) => r.name === name);
}

/**
 * Replaces a block rule's function. `Ruler.at` resets the rule's `alt` list (which other rules
 * it may interrupt: a heading ends a paragraph, a table a paragraph...) unless given again.
 */
export function replaceBlockRule(md: MarkdownItType, name: string, fn: BlockRule): void {
  const alt = [...(blockRuleEntry(md, name)?.alt ?? [])];
  md.block.ruler.at(name, fn, { alt });
}
