import type { DocCodeMap } from '../../model/codemap.js';
import type { CodeRef } from '../../model/coderefs.js';

/** `` `src/x.go` `` as the message names a reference: the text as written, in backticks. */
export function quoted(ref: CodeRef): string {
  const text = ref.written.trim();
  return ref.source === 'link' ? `link to ${text}` : `\`${text}\``;
}

const byKind = new WeakMap<DocCodeMap, Map<string, CodeRef[]>>();

/** References of one kind, in document order (grouped once per doc). */
export function refsOf<K extends CodeRef['kind']>(
  doc: DocCodeMap,
  kind: K,
): (CodeRef & { kind: K })[] {
  let groups = byKind.get(doc);
  if (!groups) {
    groups = new Map();
    for (const ref of doc.refs) {
      const list = groups.get(ref.kind);
      if (list) list.push(ref);
      else groups.set(ref.kind, [ref]);
    }
    byKind.set(doc, groups);
  }
  return (groups.get(kind) ?? []) as (CodeRef & { kind: K })[];
}
