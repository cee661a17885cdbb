import type { FileProblem } from './types.js';

export function notAFile(rel: string, kind: string): FileProblem {
  return { path: rel, code: 'not-a-file', message: `not a regular file: ${rel} is ${kind}` };
}
