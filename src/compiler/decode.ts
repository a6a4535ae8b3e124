// Bytes -> text: UTF-8 (BOM stripped) or, failing that, Windows-1252; LF line endings; mojibake repaired.
import { isAscii } from 'node:buffer';
import type { Diagnostic } from '../shared/schema.ts';
import { warning } from './diagnostics.ts';
import { CP1252_HIGH, repairMojibake } from './mojibake.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Some Node versions (20.x among them) decode 'windows-1252' as ISO-8859-1, turning 0x80-0x9F (curly quotes,
 * dashes, the euro sign) into invisible C1 controls. Map those bytes to their Windows-1252 characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return windows1252.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

export interface DecodedNote {
  text: string;
  diagnostics: Diagnostic[];
}

export function decodeNote(bytes: Uint8Array, file: string): DecodedNote {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    diagnostics.push(warning('not-utf8', file, 'File is not valid UTF-8; read it as Windows-1252.'));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // CR-only files (old Mac) would otherwise lose their body in gray-matter. (Looking first is cheaper than a
  // replace that finds nothing: most notes have no CR.)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // Mojibake is made of non-ASCII characters; half the mixed vault's notes have none, and the bytes say so fastest.
  if (isAscii(bytes)) return { text, diagnostics };
  const repaired = repairMojibake(text);
  if (repaired.repairs > 0) {
    diagnostics.push(
      warning(
        'mojibake-repaired',
        file,
        `Repaired ${repaired.repairs} mis-encoded character${repaired.repairs === 1 ? '' : 's'} (UTF-8 read as Windows-1252, e.g. "â€”").`,
        repaired.firstLine,
      ),
    );
  }
  return { text: repaired.text, diagnostics };
}
