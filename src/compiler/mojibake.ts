// Repair UTF-8 that was once read as Windows-1252 ("â€”" -> "—", "Ã©" -> "é"). Touches nothing else.

/** Windows-1252 bytes 0x80-0x9F as the characters a decoder shows for them. */
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF = new Map<string, number>();
for (let i = 0; i < 32; i++) BYTE_OF.set(CP1252_HIGH[i]!, 0x80 + i);
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);

const CONT = `[${escapeClass(CP1252_HIGH)}\\u00A0-\\u00BF]`;
/** A lead byte (C2-F4 as Latin-1) followed by the continuation bytes its length needs. */
const SUSPECT = new RegExp(
  `[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`,
  'g',
);
const QUICK_CHECK = /[\u00C2-\u00F4]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface RepairResult {
  text: string;
  repairs: number;
  /** 1-based line of the first repair. */
  firstLine?: number;
}

export function repairMojibake(text: string): RepairResult {
  if (!QUICK_CHECK.test(text)) return { text, repairs: 0 };
  let repairs = 0;
  let firstIndex = -1;
  const repaired = text.replace(SUSPECT, (match, offset: number) => {
    const decoded = decodeAsUtf8(match);
    if (decoded === undefined) return match;
    if (repairs === 0) firstIndex = offset;
    repairs++;
    return decoded;
  });
  if (repairs === 0) return { text, repairs: 0 };
  return { text: repaired, repairs, firstLine: lineAt(text, firstIndex) };
}

function decodeAsUtf8(chars: string): string | undefined {
  const bytes = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const byte = BYTE_OF.get(chars[i]!);
    if (byte === undefined) return undefined;
    bytes[i] = byte;
  }
  try {
    const decoded = utf8.decode(bytes);
    return [...decoded].length === 1 ? decoded : undefined;
  } catch {
    return undefined;
  }
}

export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}
