import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeSource } from '../parse/index.js';

/** Lines of reported files for code frames, read on demand and only for files with findings. */
export function sourceLineReader(root: string): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    let lines: string[] | undefined;
    try {
      lines = normalizeSource(readFileSync(join(root, file), 'utf8')).split('\n');
    } catch {
      lines = undefined;
    }
    cache.set(file, lines);
    return lines;
  };
}
