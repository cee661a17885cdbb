import { ledgersOf } from '../../model/ledger.js';
import { isDeferred } from '../../model/plan.js';
import type { Rule } from '../types.js';

export const doneOpen: Rule = {
  id: 'task/done-open',
  severity: 'error',
  description:
    'A task whose state is done (its folder, or its state field when it sits directly in the ledger; `tasks.done_state`) still holds an unchecked checklist item. Each such item is reported; deferred items are left alone.',
  check(suite, report) {
    const done = suite.config.tasks.doneState;
    const words = suite.config.plans.deferredWords;
    for (const ledger of ledgersOf(suite)) {
      for (const task of ledger.tasks) {
        if (task.state !== done || task.counts.remaining === 0) continue;
        const doc = suite.docs.get(task.path);
        if (!doc) continue;
        const why = task.folder !== null ? `sits in ${task.folder}/` : `says ${task.field?.value}`;
        for (const item of doc.tasks) {
          if (item.checked || isDeferred(item.text, words)) continue;
          report({
            file: task.path,
            range: item.range,
            message: `unchecked item "${clip(item.text)}" in a task that ${why} (${done})`,
          });
        }
      }
    }
  },
};

function clip(raw: string): string {
  const text = raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
