import { ledgersOf } from '../../model/ledger.js';
import type { Rule } from '../types.js';

export const stateMismatch: Rule = {
  id: 'task/state-mismatch',
  severity: 'error',
  description:
    "A task doc in a ledger's state folder (`tasks/done/`) says another state in its front matter or header lines (`status: active`). The folder and the field must agree; words are matched through `tasks.states`, so `in progress` means `active`. A field whose value is no state word (say `reviewed`) is left alone.",
  check(suite, report) {
    for (const ledger of ledgersOf(suite)) {
      for (const task of ledger.tasks) {
        const { field, folderState, folder } = task;
        if (!field || !folderState || !field.state || field.state === folderState) continue;
        const where = ledger.folder === '' ? `${folder}/` : `${ledger.folder}/${folder}/`;
        report({
          file: task.path,
          range: field.range,
          message: `${field.key} says "${field.value}" (${field.state}) but the task sits in ${where} (${folderState})`,
        });
      }
    }
  },
};
