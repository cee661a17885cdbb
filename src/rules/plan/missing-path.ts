import { looksLikeDocPath, resolveNamedPath } from '../../model/named-path.js';
import { plansOf } from '../../model/plan.js';
import type { CodeSpan, DocFile, TaskItem } from '../../parse/types.js';
import type { Rule } from '../types.js';

const CODE = /`+([^`]+)`+/g;

export const missingPath: Rule = {
  id: 'plan/missing-path',
  severity: 'error',
  description:
    "A checked checklist item in a plan names a doc path in backticks (`` `definition/step-spec.md` ``) that does not exist. Such a path is a link in spirit: it is looked for relative to `plans.base`, then to the plan's own folder, then to the root. A path that is planned but not written yet is a warning; a path that exists only with other letter case is an error on any item. An unchecked item may name a doc that is still to be written, so a missing path there is not reported.",
  check(suite, report) {
    const { base } = suite.config.plans;
    const bases = base.trim() === '' ? [] : [base.trim()];
    for (const plan of plansOf(suite)) {
      const spans = spansByLine(plan.doc);
      plan.doc.tasks.forEach((task) => {
        for (const m of task.text.matchAll(CODE)) {
          const name = (m[1] as string).trim();
          if (!looksLikeDocPath(name, suite.config.extensions)) continue;
          const found = resolveNamedPath(suite, plan.path, name, bases);
          if (found.kind === 'found' || found.kind === 'skip') continue;
          if (found.kind !== 'case' && !task.checked) continue;
          const range = spanRange(spans, task, name);
          if (found.kind === 'planned') {
            report({
              file: plan.path,
              range,
              severity: 'warning',
              message: `checked item names ${name}: ${found.path} is planned, not written yet`,
            });
          } else if (found.kind === 'case') {
            report({
              file: plan.path,
              range,
              message: `item names ${name}: the file is ${found.actual} (letter case differs)`,
            });
          } else {
            const hint = found.suggestion ? ` (did you mean ${found.suggestion}?)` : '';
            report({
              file: plan.path,
              range,
              message: `checked item names ${name}: no such file (looked for ${found.tried.join(', ')})${hint}`,
            });
          }
        }
      });
    }
  },
};

function spansByLine(doc: DocFile): Map<number, CodeSpan[]> {
  const out = new Map<number, CodeSpan[]>();
  for (const span of doc.codeSpans) {
    const list = out.get(span.range.line);
    if (list) list.push(span);
    else out.set(span.range.line, [span]);
  }
  return out;
}

/** Where the code span naming `name` sits in the item (first line of the item otherwise). */
function spanRange(spans: Map<number, CodeSpan[]>, task: TaskItem, name: string) {
  const lines = task.text.split('\n').length + 4;
  for (let line = task.range.line; line < task.range.line + lines; line++) {
    const hit = spans.get(line)?.find((s) => s.text.trim() === name);
    if (hit) return hit.range;
  }
  return task.range;
}
