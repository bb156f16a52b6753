/**
 * Reading zips safely: the central directory is checked first — entry names (no "..", absolute
 * paths, backslashes) and the sum of the declared uncompressed sizes (zip bombs) — and only then
 * are the wanted entries inflated, each into a buffer of its declared size (fflate), so a lying
 * entry cannot grow beyond it.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { errorText, fail, type DecodeFailure } from './result.js';

/** An entry as the central directory declares it. */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  size: number;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('de-DE')} MB`;

/** Why an entry name may not be used as a path: parent steps, absolute paths, drive letters, backslashes. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'enthält einen Rückstrich (\\)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'ist ein absoluter Pfad';
  if (name.split('/').includes('..')) return 'enthält „..“ (Verzeichniswechsel nach oben)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'enthält Steuerzeichen';
  return null;
}

/** The entries of a zip without inflating anything; refuses unsafe names and too many bytes. */
export function listZip(bytes: Uint8Array, maxUncompressedBytes = Infinity): ZipEntryInfo[] | DecodeFailure {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, compressedSize: f.size, size: f.originalSize });
        return false;
      },
    });
  } catch (err) {
    return fail(
      'corrupt_file',
      `Die ZIP-Datei ist unvollständig oder beschädigt (${errorText(err)}). Bitte neu packen und erneut hochladen.`,
    );
  }
  for (const e of entries) {
    const why = unsafeEntryName(e.name);
    if (why) {
      return fail(
        'unsafe_name',
        `Die ZIP-Datei enthält den unzulässigen Eintrag „${e.name}“: der Name ${why}. Bitte ohne Ordnerpfade neu packen.`,
      );
    }
  }
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > maxUncompressedBytes) {
    return fail(
      'too_large',
      `Entpackt wäre die ZIP-Datei ${MB(total)} groß; höchstens ${MB(maxUncompressedBytes)} sind möglich. Bitte die Daten aufteilen.`,
    );
  }
  return entries;
}

/** Inflate the entries whose names `want` accepts (after {@link listZip} approved the zip). */
export function readZipEntries(
  bytes: Uint8Array,
  want: (name: string) => boolean,
): Record<string, Uint8Array> | DecodeFailure {
  try {
    return unzipSync(bytes, { filter: (f) => want(f.name) });
  } catch (err) {
    return fail(
      'corrupt_file',
      `Ein Eintrag der ZIP-Datei ist beschädigt (${errorText(err)}). Bitte neu packen und erneut hochladen.`,
    );
  }
}

/** A zip of the given files (deflated). */
export function writeZip(files: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 6 }];
  return zipSync(zippable);
}
