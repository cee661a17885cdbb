import { closest } from '../../model/suggest.js';
import type { Suite } from '../../model/suite.js';
import type { Rule } from '../types.js';
import { linkLabel } from './describe.js';

const MARKDOWN = /\.(md|markdown)$/i;
/** Fragments every page has: the top of the page. */
const ALWAYS = new Set(['', 'top']);

/** The document a link lands on: the file itself, or a folder's README as GitHub shows it. */
function landingDoc(suite: Suite, path: string, dir: boolean): string | undefined {
  if (!dir && suite.paths.kind(path) === 'file') return MARKDOWN.test(path) ? path : undefined;
  if (suite.paths.kind(path) !== 'dir') return undefined;
  const prefix = path === '' ? '' : `${path}/`;
  const readme = suite.paths.list(path).find((n) => /^readme\.(md|markdown)$/i.test(n));
  return readme ? `${prefix}${readme}` : undefined;
}

export const missingAnchor: Rule = {
  id: 'link/missing-anchor',
  severity: 'error',
  description:
    'A link fragment (`#section`) names no heading slug, `<a name>` or HTML `id` in the ' +
    'target Markdown document (or in the same document for `#section` alone). Slugs follow ' +
    'the configured renderer (`slugger`, GitHub by default), including `-1` suffixes for ' +
    'repeated headings. The message suggests the closest existing anchor.',
  check(suite, report) {
    for (const path of suite.docs.keys()) {
      for (const { link, target } of suite.links(path)) {
        if (target.kind !== 'local' || target.fragment === null) continue;
        if (ALWAYS.has(target.fragment)) continue;
        const doc = landingDoc(suite, target.path, target.dir);
        if (!doc || !suite.docs.has(doc)) continue;
        const anchors = suite.anchors(doc);
        if (anchors.has(target.fragment)) continue;
        const hint = closest(target.fragment, anchors, suite.paths.suggestions);
        const where = doc === path ? 'this file' : doc;
        report({
          file: path,
          range: link.range,
          message:
            `${linkLabel(link.image, link.destination)}: no heading or anchor "${target.fragment}" in ${where}` +
            (hint ? ` (did you mean #${hint}?)` : ''),
          data: { target: doc, fragment: target.fragment, ...(hint ? { suggestion: hint } : {}) },
        });
      }
    }
  },
};
