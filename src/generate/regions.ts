/**
 * docmap's generated regions: `<!-- docmap:NAME:start attr="v" -->` ... `<!-- docmap:NAME:end -->`.
 * Pure text in, text out; every byte outside the markers is kept as it was.
 */
export interface Region {
  name: string;
  attrs: Record<string, string>;
  /** 1-based line of the start marker. */
  line: number;
  /** Offsets: the content lies between the end of the start marker's line and the end marker. */
  contentStart: number;
  contentEnd: number;
}

export type RegionResult =
  | { ok: true; regions: Region[] }
  | { ok: false; line: number; message: string };

const MARKER = /<!--\s*docmap:([a-z][a-z-]*):(start|end)((?:\s+[a-z][a-z_-]*="[^"]*")*)\s*-->/g;
const ATTR = /([a-z][a-z_-]*)="([^"]*)"/g;

export function findRegions(text: string, name: string): RegionResult {
  const regions: Region[] = [];
  let open: { attrs: Record<string, string>; line: number; contentStart: number } | null = null;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m[1] !== name) continue;
    const line = lineAt(text, m.index);
    if (m[2] === 'start') {
      if (open)
        return {
          ok: false,
          line,
          message: `docmap:${name}:start inside another ${name} region (opened on line ${open.line})`,
        };
      const attrs: Record<string, string> = {};
      for (let a = ATTR.exec(m[3] ?? ''); a; a = ATTR.exec(m[3] ?? ''))
        attrs[a[1] as string] = a[2] as string;
      ATTR.lastIndex = 0;
      const eol = text.indexOf('\n', m.index + m[0].length);
      open = { attrs, line, contentStart: eol === -1 ? text.length : eol + 1 };
    } else {
      if (!open) return { ok: false, line, message: `docmap:${name}:end without a start marker` };
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      regions.push({
        name,
        attrs: open.attrs,
        line: open.line,
        contentStart: open.contentStart,
        contentEnd: Math.max(open.contentStart, lineStart),
      });
      open = null;
    }
  }
  if (open)
    return {
      ok: false,
      line: open.line,
      message: `docmap:${name}:start has no matching end marker`,
    };
  return { ok: true, regions };
}

/** The file's own line ending, so generated lines match the lines around them. */
export function lineEnding(text: string): '\r\n' | '\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Replaces each region's content with `render(region)` (lines joined by '\n', converted to
 * the file's line ending). Regions are replaced from the last to the first so offsets hold.
 */
export function replaceRegions(
  text: string,
  regions: Region[],
  render: (region: Region) => string,
): string {
  const eol = lineEnding(text);
  let out = text;
  for (const region of [...regions].sort((a, b) => b.contentStart - a.contentStart)) {
    let body = render(region);
    if (body !== '' && !body.endsWith('\n')) body += '\n';
    if (eol === '\r\n') body = body.replace(/\r?\n/g, '\r\n');
    out = out.slice(0, region.contentStart) + body + out.slice(region.contentEnd);
  }
  return out;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
