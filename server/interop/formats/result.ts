/**
 * Small helpers shared by the readers: refusing a whole file, decoding text, file base names.
 */
import type { DecodeErrorCode, DecodeResult } from './types.js';

/** A refused file. */
export type DecodeFailure = Extract<DecodeResult, { ok: false }>;

/** Refuse the whole file with a stable code and a German message a planner can act on. */
export const fail = (code: DecodeErrorCode, message: string): DecodeFailure => ({ ok: false, code, message });

/** Refusal of a file with more features than `max`. */
export const tooManyFeatures = (count: number, max: number): DecodeFailure =>
  fail(
    'too_many_features',
    `Die Datei enthält ${count.toLocaleString('de-DE')} Objekte; höchstens ${max.toLocaleString('de-DE')} sind möglich. Bitte teilen Sie die Datei auf.`,
  );

/** True when `x` is a refusal (readers pass them through unchanged). */
export const isFailure = (x: unknown): x is DecodeFailure =>
  typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

/** The file name without folders and without its last extension. */
export function baseName(filename: string): string {
  const name = filename.split(/[/\\]/).pop() ?? filename;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text of a file: UTF-8 (a BOM is dropped), or Windows-1252 when the bytes are no valid UTF-8
 * (older German exports); `fallback` tells the caller to say so.
 */
export function decodeText(bytes: Uint8Array): { text: string; fallback: boolean } {
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, ''), fallback: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), fallback: true };
  }
}

/** Warning for text read as Windows-1252. */
export const LATIN1_WARNING =
  'Die Datei ist nicht in UTF-8 kodiert; sie wurde als Windows-1252 gelesen. Bitte Umlaute in der Vorschau prüfen.';

/** The message of an unknown thrown value. */
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
