// package.json scripts, Cargo manifests and cargo aliases (pure, text in).
import { parse as parseToml } from 'smol-toml';

export interface PackageJsonInfo {
  name?: string;
  scripts: string[];
  /** Declares npm/yarn/pnpm workspaces. */
  workspaces: boolean;
}

export interface CargoManifestInfo {
  /** `[package] name`. */
  package?: string;
  /** `[workspace] members`, as written (globs allowed). */
  members: string[];
  /** `[alias]` entries of a `.cargo/config.toml`. */
  aliases: string[];
}

/** Null when the text is not a JSON object. */
export function parsePackageJson(text: string): PackageJsonInfo | null {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  const info: PackageJsonInfo = {
    scripts: isRecord(data.scripts) ? Object.keys(data.scripts) : [],
    workspaces: data.workspaces !== undefined,
  };
  if (typeof data.name === 'string') info.name = data.name;
  return info;
}

/** A `Cargo.toml` or `.cargo/config.toml`; null when the TOML does not parse. */
export function parseCargoToml(text: string): CargoManifestInfo | null {
  let data: unknown;
  try {
    data = parseToml(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  const info: CargoManifestInfo = { members: [], aliases: [] };
  if (isRecord(data.package) && typeof data.package.name === 'string') {
    info.package = data.package.name;
  }
  if (isRecord(data.workspace) && Array.isArray(data.workspace.members)) {
    info.members = data.workspace.members.filter((m): m is string => typeof m === 'string');
  }
  if (isRecord(data.alias)) info.aliases = Object.keys(data.alias);
  return info;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
