/** What a fragment of raw HTML contributes: anchors, links, images and comments. */
export interface HtmlHit {
  kind: 'a-name' | 'html-id' | 'html-a' | 'html-img' | 'comment';
  value: string;
  /** Offsets into the fragment. */
  start: number;
  end: number;
}

const TAG = /<!--([\s\S]*?)-->|<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*?)?\/?>/g;
const ATTR = /([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function scanHtml(fragment: string): HtmlHit[] {
  const hits: HtmlHit[] = [];
  if (fragment.indexOf('<') === -1) return hits;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(fragment); m; m = TAG.exec(fragment)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      hits.push({ kind: 'comment', value: m[1].trim(), start, end });
      continue;
    }
    const tag = (m[2] as string).toLowerCase();
    const attrs = m[3];
    if (!attrs) continue;
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
      const value = a[2] ?? a[3] ?? a[4];
      if (value === undefined) continue;
      const name = (a[1] as string).toLowerCase();
      const decoded = decodeEntities(value);
      if (name === 'id') hits.push({ kind: 'html-id', value: decoded, start, end });
      else if (name === 'name' && tag === 'a')
        hits.push({ kind: 'a-name', value: decoded, start, end });
      else if (name === 'href' && tag === 'a')
        hits.push({ kind: 'html-a', value: decoded, start, end });
      else if (name === 'src' && tag === 'img')
        hits.push({ kind: 'html-img', value: decoded, start, end });
    }
  }
  return hits;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  if (value.indexOf('&') === -1) return value;
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? Number.parseInt(body.slice(2), 16)
          : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
