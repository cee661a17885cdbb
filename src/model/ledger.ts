// Task ledgers (design.md §1): task docs whose lifecycle state is their folder
// (`tasks/active/`, `tasks/done/`) or a front-matter field, and state pointer files
// (`tasks/state.toml`) that name the current milestone or task.
//
// API
//   ledgersOf(suite)              -> Ledger[]  configured (`tasks.folders`) or found by
//       convention: a folder with two or more state folders holding Markdown. Computed once.
//   canonicalState(word, states)  -> the state a word means (`In progress` -> `active`).
//   stateFileCandidates(files, docs, settings) -> paths of state pointer files to read (the
//       run layer reads them into `suite.sources`; rules stay pure).
//   parseStateFile(path, text)    -> the milestone and task references it makes.
import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { TasksSettings } from '../config/keys/plans.js';
import type { DocFile, Range } from '../parse/types.js';
import { readMeta } from './meta.js';
import { FILE_START, type NumberingSource, parseNumberedName } from './numbering.js';
import { type Counts, progressOf } from './plan.js';
import type { Suite } from './suite.js';

export interface TaskDoc {
  path: string;
  /** The state folder as written (`on-hold`), or null for a task directly in the ledger. */
  folder: string | null;
  /** The state the folder means. */
  folderState: string | null;
  /** The state field (front matter or header line), when there is one. */
  field: { key: string; value: string; state: string | null; range: Range } | null;
  /** The folder's state, else the field's. */
  state: string | null;
  counts: Counts;
}

export interface Ledger {
  /** Root-relative folder ('' for the root). */
  folder: string;
  configured: boolean;
  tasks: TaskDoc[];
  /** State pointer files found in the folder (or configured). */
  stateFiles: string[];
}

const fold = (word: string) =>
  word
    .trim()
    .replace(/^[*_`]+|[*_`]+$/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');

const wordMaps = new WeakMap<object, Map<string, string>>();

/** The state a word means: the state's own name or one of its other words; null otherwise. */
export function canonicalState(
  word: string,
  states: Readonly<Record<string, readonly string[]>>,
): string | null {
  let words = wordMaps.get(states);
  if (!words) {
    words = new Map();
    for (const [state, others] of Object.entries(states)) {
      for (const w of [state, ...others]) if (!words.has(fold(w))) words.set(fold(w), state);
    }
    wordMaps.set(states, words);
  }
  const w = fold(word);
  return w === '' ? null : (words.get(w) ?? null);
}

/** A configured folder as paths spell it: `./tasks/`, `/tasks` and `tasks` are one; `.` is the root. */
function rootFolder(path: string): string {
  const clean = posix.normalize(path.trim()).replace(/^\/+/, '').replace(/\/+$/, '');
  return clean === '.' ? '' : clean;
}

const NOT_TASKS = /^(readme|index|_index|state|overview|changelog)\.(md|markdown)$/i;
const STATE_FILE = /^state\.(toml|ya?ml)$/i;

/** Ledger folders: configured, else folders with two or more state folders holding docs. */
export function ledgerFolders(
  docPaths: Iterable<string>,
  settings: TasksSettings,
): { folder: string; configured: boolean }[] {
  if (settings.folders.length > 0) {
    return settings.folders.map((f) => ({
      folder: rootFolder(f),
      configured: true,
    }));
  }
  const statesUnder = new Map<string, Set<string>>();
  for (const path of docPaths) {
    const parts = path.split('/');
    // The first folder on the path that names a state; its parent is the ledger.
    for (let i = 0; i < parts.length - 1; i++) {
      const state = canonicalState(parts[i] as string, settings.states);
      if (!state) continue;
      const folder = parts.slice(0, i).join('/');
      const set = statesUnder.get(folder) ?? new Set<string>();
      set.add(state);
      statesUnder.set(folder, set);
      break;
    }
  }
  return [...statesUnder]
    .filter(([, states]) => states.size >= 2)
    .map(([folder]) => ({ folder, configured: false }))
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

function readTask(
  path: string,
  doc: DocFile,
  ledger: string,
  settings: TasksSettings,
  deferredWords: readonly string[],
): TaskDoc | null {
  const rel = ledger === '' ? path : path.slice(ledger.length + 1);
  const parts = rel.split('/');
  // A folder's README or index describes the folder; it is no task.
  if (NOT_TASKS.test(parts[parts.length - 1] as string)) return null;
  let folder: string | null = null;
  let folderState: string | null = null;
  if (parts.length > 1) {
    folder = parts[0] as string;
    folderState = canonicalState(folder, settings.states);
    if (!folderState) return null;
  }
  const meta = readMeta(doc);
  let field: TaskDoc['field'] = null;
  for (const key of settings.fields) {
    const f = meta.fields[key.toLowerCase().replace(/[\s-]+/g, '_')];
    if (!f) continue;
    field = {
      key,
      value: f.value,
      state: canonicalState(f.value, settings.states),
      range: f.range,
    };
    break;
  }
  if (folder === null) {
    // A doc directly in the ledger is a task only when its field names a state.
    if (!field?.state) return null;
  }
  return {
    path,
    folder,
    folderState,
    field,
    state: folderState ?? field?.state ?? null,
    counts: progressOf(doc, deferredWords).doc,
  };
}

const cache = new WeakMap<Suite, Ledger[]>();

/** Every task ledger of the suite. */
export function ledgersOf(suite: Suite): Ledger[] {
  let ledgers = cache.get(suite);
  if (!ledgers) {
    const settings = suite.config.tasks;
    const docPaths = [...suite.docs.keys()].sort();
    ledgers = ledgerFolders(docPaths, settings).map(({ folder, configured }) => {
      const prefix = folder === '' ? '' : `${folder}/`;
      const tasks: TaskDoc[] = [];
      for (const path of docPaths) {
        if (!path.startsWith(prefix)) continue;
        const task = readTask(
          path,
          suite.docs.get(path) as DocFile,
          folder,
          settings,
          suite.config.plans.deferredWords,
        );
        if (task) tasks.push(task);
      }
      return { folder, configured, tasks, stateFiles: stateFilesIn(suite, folder) };
    });
    cache.set(suite, ledgers);
  }
  return ledgers;
}

/**
 * A ledger numbers its tasks across its state folders (`active/0004-…` and `done/0004-…`
 * clash), so each ledger is a numbering source of its own (`numbering/duplicate` reads it).
 * A function declaration, so that numbering.ts may list it whichever module loads first.
 */
export function ledgerSources(suite: Suite): NumberingSource[] {
  const out: NumberingSource[] = [];
  for (const ledger of ledgersOf(suite)) {
    const entries = [];
    for (const task of ledger.tasks) {
      const name = parseNumberedName(posix.basename(task.path));
      if (name)
        entries.push({ ...name, path: task.path, at: { file: task.path, range: FILE_START } });
    }
    if (entries.length < 2) continue;
    const shown = ledger.folder === '' ? '.' : `${ledger.folder}/`;
    out.push({
      kind: 'ledger',
      key: `ledger:${ledger.folder === '' ? '.' : ledger.folder}`,
      label: `task ledger ${shown}`,
      file: ledger.folder === '' ? '.' : ledger.folder,
      entries,
    });
  }
  return out;
}

function stateFilesIn(suite: Suite, folder: string): string[] {
  const configured = suite.config.tasks.stateFiles.map(rootFolder);
  if (configured.length > 0) {
    const prefix = folder === '' ? '' : `${folder}/`;
    return configured.filter((f) => f.startsWith(prefix) || folder === '');
  }
  return suite.paths
    .list(folder)
    .filter((name) => STATE_FILE.test(name))
    .map((name) => (folder === '' ? name : `${folder}/${name}`))
    .filter((p) => suite.paths.kind(p) === 'file')
    .sort();
}

/** State pointer files the run layer should read: configured, else those of each ledger. */
export function stateFileCandidates(
  allFiles: Iterable<string>,
  docPaths: Iterable<string>,
  settings: TasksSettings,
): string[] {
  const files = new Set(allFiles);
  if (settings.stateFiles.length > 0) {
    return settings.stateFiles.map(rootFolder).filter((f) => files.has(f));
  }
  const out: string[] = [];
  for (const { folder } of ledgerFolders(docPaths, settings)) {
    for (const ext of ['toml', 'yaml', 'yml']) {
      const path = folder === '' ? `state.${ext}` : `${folder}/state.${ext}`;
      if (files.has(path)) out.push(path);
    }
  }
  return out;
}

export interface StateReference {
  kind: 'milestone' | 'task';
  /** The key path as written: `current.milestone`. */
  key: string;
  value: string;
  range: Range;
}

export type StateFile =
  | { ok: true; references: StateReference[] }
  | { ok: false; message: string; range: Range };

/**
 * The references a state file makes: string values (or lists of strings) under keys that
 * say `milestone` or `phase` (a milestone) or `task` (a task). Positions are found in the
 * text: the value on the key's line, else the value's first occurrence.
 */
export function parseStateFile(path: string, text: string): StateFile {
  let data: unknown;
  try {
    data = /\.toml$/i.test(path) ? parseToml(text) : parseYaml(text);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    const line = lineOfError(error);
    return {
      ok: false,
      message,
      range: { line, column: 1, endLine: line, endColumn: 1 + (lineText(text, line).length || 1) },
    };
  }
  const references: StateReference[] = [];
  const walk = (value: unknown, key: string, leaf: string) => {
    if (typeof value === 'string') {
      const kind = /milestone|phase/i.test(leaf) ? 'milestone' : /task/i.test(leaf) ? 'task' : null;
      if (kind && value.trim() !== '')
        references.push({ kind, key, value: value.trim(), range: locate(text, leaf, value) });
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v, key, leaf);
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) walk(v, key === '' ? k : `${key}.${k}`, k);
    }
  };
  walk(data, '', '');
  return { ok: true, references };
}

function lineOfError(error: unknown): number {
  const e = error as { line?: number; linePos?: { line: number }[] };
  if (typeof e.line === 'number') return e.line;
  if (Array.isArray(e.linePos) && e.linePos[0]) return e.linePos[0].line;
  return 1;
}

function lineText(text: string, line: number): string {
  return text.split(/\r?\n/)[line - 1] ?? '';
}

/** Where a key's value is written: on the key's line when it is there, else anywhere. */
function locate(text: string, key: string, value: string): Range {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const keyLine = new RegExp(
    `^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[=:]`,
  );
  let fallback: Range | null = null;
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i] as string;
    const col = lineText.indexOf(value);
    if (col === -1) continue;
    const range = {
      line: i + 1,
      column: col + 1,
      endLine: i + 1,
      endColumn: col + 1 + value.length,
    };
    if (keyLine.test(lineText)) return range;
    fallback ??= range;
  }
  return fallback ?? { line: 1, column: 1, endLine: 1, endColumn: 2 };
}

/** A name as references compare it: case, spaces, `-` and `_` do not matter. */
export function refKey(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .toLowerCase()
    .replace(/\.(md|markdown)$/i, '')
    .replace(/[\s_-]+/g, '');
}

/** The ways a milestone or phase name may be referred to: `Milestone 2` -> `milestone2`, `m2`, `2`. */
export function milestoneKeys(name: string): string[] {
  const clean = name.replace(/\s*[([].*$/, '').trim();
  const keys = new Set([refKey(name), refKey(clean)]);
  const m = /^(milestone|phase|stage|m|p)\s*[-_]?\s*([0-9]+[a-z]?(?:\.[0-9]+)*)\b/i.exec(clean);
  if (m) {
    const word = (m[1] as string).toLowerCase();
    const num = (m[2] as string).toLowerCase();
    keys.add(`${word}${num}`);
    keys.add(`${word[0]}${num}`);
    keys.add(num);
  }
  keys.delete('');
  return [...keys];
}

/** The basename of a path without its extension: how a task is usually named. */
export function taskStem(path: string): string {
  return posix.basename(path).replace(/\.(md|markdown)$/i, '');
}
