// The code index as plain data plus lookups: what the code-map rules read from the suite.
// Built (with I/O) by build.ts; this file does no I/O, so the pure layers may use it.
import type { JustfileInfo } from './justfile.js';
import type { MakefileInfo } from './makefile.js';
import type { CargoManifestInfo, PackageJsonInfo } from './manifests.js';

export type { JustfileInfo } from './justfile.js';
export type { MakefileInfo } from './makefile.js';
export type { CargoManifestInfo, PackageJsonInfo } from './manifests.js';

export type ScannerKind = 'ctags' | 'builtin' | 'off';

export interface CodeIndexData {
  /** How symbols were found. */
  scanner: ScannerKind;
  /** Defined names per code file (root-relative). */
  symbols: Map<string, readonly string[]>;
  /** Line counts of the files that docs name with a line number. */
  lines: Map<string, number>;
  /** Every Makefile (and file a Makefile includes) by path. */
  makefiles: Map<string, MakefileInfo>;
  justfiles: Map<string, JustfileInfo>;
  /** package.json files by path. */
  packages: Map<string, PackageJsonInfo>;
  /** Cargo.toml files and `.cargo/config(.toml)` files by path. */
  cargo: Map<string, CargoManifestInfo>;
  /**
   * Of the names docs use that no file defines, those that still occur as words in the code
   * (filled by the run layer; absent when not computed).
   */
  mentioned?: Set<string>;
  /** Of the paths docs name that do not exist, those git ignores (build output, results). */
  ignored?: Set<string>;
}

export function emptyIndexData(scanner: ScannerKind = 'off'): CodeIndexData {
  return {
    scanner,
    symbols: new Map(),
    lines: new Map(),
    makefiles: new Map(),
    justfiles: new Map(),
    packages: new Map(),
    cargo: new Map(),
  };
}

export class CodeIndex {
  private defined: Set<string> | null = null;
  private packageNames: Set<string> | null = null;

  constructor(readonly data: CodeIndexData) {}

  get scanner(): ScannerKind {
    return this.data.scanner;
  }

  /** Whether symbols were scanned and any were found: without them, nothing is judged. */
  get hasSymbols(): boolean {
    return this.data.scanner !== 'off' && this.byName().size > 0;
  }

  hasSymbol(name: string): boolean {
    return this.byName().has(name);
  }

  /** Files that define a name (a scan of the index: for the few names a finding is about). */
  definedIn(name: string): readonly string[] {
    if (!this.byName().has(name)) return [];
    const files: string[] = [];
    for (const [file, names] of this.data.symbols) if (names.includes(name)) files.push(file);
    return files;
  }

  /** Git ignores the path (asked only for paths docs name that do not exist). */
  isIgnored(path: string): boolean {
    return this.data.ignored?.has(path) ?? false;
  }

  /** The name occurs as a word in some code file (only asked for names no file defines). */
  isMentioned(name: string): boolean {
    return this.data.mentioned?.has(name) ?? false;
  }

  symbolsIn(path: string): readonly string[] {
    return this.data.symbols.get(path) ?? [];
  }

  lineCount(path: string): number | undefined {
    return this.data.lines.get(path);
  }

  makefile(path: string): MakefileInfo | undefined {
    return this.data.makefiles.get(path);
  }

  justfile(path: string): JustfileInfo | undefined {
    return this.data.justfiles.get(path);
  }

  packageJson(path: string): PackageJsonInfo | undefined {
    return this.data.packages.get(path);
  }

  cargoToml(path: string): CargoManifestInfo | undefined {
    return this.data.cargo.get(path);
  }

  /** `[package] name` of every Cargo.toml in the tree. */
  cargoPackages(): ReadonlySet<string> {
    if (!this.packageNames) {
      this.packageNames = new Set();
      for (const [path, info] of this.data.cargo) {
        if (path.endsWith('Cargo.toml') && info.package) this.packageNames.add(info.package);
      }
    }
    return this.packageNames;
  }

  private byName(): Set<string> {
    if (!this.defined) {
      const defined = new Set<string>();
      for (const names of this.data.symbols.values()) for (const name of names) defined.add(name);
      this.defined = defined;
    }
    return this.defined;
  }
}
