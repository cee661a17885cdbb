// The user's scaffold templates: every Markdown file in the `templates` folder, named by its
// file name (`spec.md` replaces the built-in spec template; other names need a
// `<!-- docmap:template paths="..." -->` first line to be chosen).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, type DocmapConfig } from '../config/types.js';
import { type Template, userTemplate } from '../generate/scaffold.js';
import { readDoc } from '../workspace/read.js';

export async function readUserTemplates(root: string, config: DocmapConfig): Promise<Template[]> {
  const folder = config.templates
    ?.trim()
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '');
  if (!folder) return [];
  let names: string[];
  try {
    names = await readdir(join(root, ...folder.split('/')));
  } catch {
    throw new ConfigError(`templates: no folder ${folder} in the root`, 'docmap.yaml', 0, 0);
  }
  const out: Template[] = [];
  for (const name of names.filter((n) => /\.(md|markdown)$/i.test(n)).sort()) {
    const path = `${folder}/${name}`;
    const read = await readDoc(root, path, { maxBytes: config.maxFileSize });
    if (!read.ok) continue;
    out.push(userTemplate(name.replace(/\.[^.]+$/, '').toLowerCase(), read.text, path));
  }
  return out;
}
