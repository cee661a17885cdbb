import type { DocCodeMap } from '../../model/codemap.js';
import type { CodeRef } from '../../model/coderefs.js';

/** `` `src/x.go` `` as the message names a reference: the text as written, in backticks. */
export function quoted(ref: CodeRef): string {
  const text = ref.written.trim();
  return ref.source === 'link' ? `link to ${text}` : `\`${text}\``;
}

/** References of one kind, in document order. */
export function refsOf<K extends CodeRef['kind']>(
  doc: DocCodeMap,
  kind: K,
): (CodeRef & { kind: K })[] {
  return doc.refs.filter((r): r is CodeRef & { kind: K } => r.kind === kind);
}
