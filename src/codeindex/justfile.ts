// What a justfile defines: recipes, aliases, imports and modules (pure, text in).

export interface JustfileInfo {
  recipes: string[];
  /** `alias t := test`: names that run a recipe. */
  aliases: string[];
  /** `import 'ci.just'`, as written. */
  imports: string[];
  /** `mod deploy`: a module whose recipes run as `just deploy::x` or `just deploy x`. */
  modules: string[];
  /** `set fallback`: recipes missing here are looked for in parent folders' justfiles. */
  fallback: boolean;
}

const RECIPE = /^@?([A-Za-z_][A-Za-z0-9_-]*)\b([^:=]*?(?:=[^:]*?)?)\s*:(?!=)/;
const ALIAS = /^alias\s+([A-Za-z_][A-Za-z0-9_-]*)\s*:=/;
const IMPORT = /^import\??\s+(['"])(.+?)\1/;
const MODULE = /^mod\??\s+([A-Za-z_][A-Za-z0-9_-]*)/;
const KEYWORDS = new Set(['alias', 'export', 'import', 'mod', 'set', 'unexport']);

export function parseJustfile(text: string): JustfileInfo {
  const info: JustfileInfo = {
    recipes: [],
    aliases: [],
    imports: [],
    modules: [],
    fallback: false,
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw === '' || raw.startsWith(' ') || raw.startsWith('\t')) continue; // recipe bodies
    const line = raw.trimEnd();
    if (line.startsWith('#') || line.startsWith('[')) continue; // comments, attributes
    let m = ALIAS.exec(line);
    if (m) {
      info.aliases.push(m[1] as string);
      continue;
    }
    m = IMPORT.exec(line);
    if (m) {
      info.imports.push(m[2] as string);
      continue;
    }
    m = MODULE.exec(line);
    if (m) {
      info.modules.push(m[1] as string);
      continue;
    }
    if (/^set\s+fallback\b(?!\s*:=\s*false)/.test(line)) {
      info.fallback = true;
      continue;
    }
    m = RECIPE.exec(line);
    if (m && !KEYWORDS.has(m[1] as string)) info.recipes.push(m[1] as string);
  }
  return info;
}

/** Whether a file name is one `just` looks for (it ignores case). */
export function isJustfileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'justfile' || lower === '.justfile';
}
