// Finds where a byte sequence stops being UTF-8, for a message that points at the spot.

/**
 * Offset of the first byte that starts an ill-formed sequence, or -1 when every byte is fine.
 * Follows the WHATWG decoder (which TextDecoder implements): no overlongs, no surrogates,
 * nothing above U+10FFFF, no truncated sequence at the end.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + need >= n) return i; // cut short by the end of the file
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return i;
    for (let k = 2; k <= need; k++) {
      const b = bytes[i + k] as number;
      if (b < 0x80 || b > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * 1-based line and column of `offset`, where the bytes before it are valid UTF-8.
 * Lines end at \n, \r\n or \r (as in CommonMark); columns count UTF-16 code units.
 */
export function positionAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    bytes.subarray(lineStart, offset),
  );
  // A leading BOM is not part of the text the reader sees; a U+FEFF elsewhere is.
  const bom = lineStart === 0 && before.startsWith('\uFEFF') ? 1 : 0;
  const column = before.length + 1 - bom;
  return { line, column };
}
