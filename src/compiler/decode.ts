// Bytes -> text: UTF-8 (BOM stripped) or, failing that, Windows-1252; LF line endings; mojibake repaired.
import type { Diagnostic } from '../shared/schema.ts';
import { warning } from './diagnostics.ts';
import { repairMojibake } from './mojibake.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

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
    text = windows1252.decode(bytes);
    diagnostics.push(warning('not-utf8', file, 'File is not valid UTF-8; read it as Windows-1252.'));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // CR-only files (old Mac) would otherwise lose their body in gray-matter.
  text = text.replace(/\r\n?/g, '\n');
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
