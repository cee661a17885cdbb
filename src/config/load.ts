import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { certainlyOutsideGit } from '../git/presence.js';
import { defaultConfig } from './keys/index.js';
import { parseConfig } from './schema.js';
import { ConfigError, type DocmapConfig } from './types.js';

const CONFIG_NAMES = ['docmap.yaml', 'docmap.yml', 'docmap.json'];

export interface Located {
  root: string;
  /** Absolute path of the configuration file, or null when defaults apply. */
  configFile: string | null;
  config: DocmapConfig;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function configIn(dir: string): Promise<string | null> {
  for (const name of CONFIG_NAMES) {
    const path = join(dir, name);
    if (await isFile(path)) return path;
  }
  return null;
}

async function gitTopLevel(cwd: string): Promise<string | null> {
  if (certainlyOutsideGit(cwd)) return null;
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--show-toplevel'], { cwd });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/**
 * The root: `--root`, else the folder of the nearest docmap.yaml upward, else the git top
 * level, else the current folder (design.md §4).
 */
export async function locate(opts: {
  cwd: string;
  root?: string;
  config?: string;
  ruleIds: ReadonlySet<string>;
}): Promise<Located> {
  let root: string | undefined = opts.root ? resolve(opts.cwd, opts.root) : undefined;
  let configFile: string | null = null;
  if (root) {
    try {
      if (!(await stat(root)).isDirectory()) throw new Error();
    } catch {
      throw new ConfigError(`--root ${opts.root} is not a folder`, opts.root ?? '', 0, 0);
    }
  }
  if (opts.config) {
    configFile = resolve(opts.cwd, opts.config);
    if (!(await isFile(configFile))) {
      throw new ConfigError(`--config ${opts.config}: no such file`, opts.config, 0, 0);
    }
  } else if (root) {
    configFile = await configIn(root);
  } else {
    for (let dir = resolve(opts.cwd); ; dir = dirname(dir)) {
      configFile = await configIn(dir);
      if (configFile) {
        root = dir;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  root ??= (await gitTopLevel(opts.cwd)) ?? resolve(opts.cwd);
  if (!configFile) return { root, configFile: null, config: defaultConfig() };
  const text = await readFile(configFile, 'utf8');
  const shown = relative(opts.cwd, configFile) || configFile;
  return { root, configFile, config: parseConfig(text, shown, opts.ruleIds) };
}
