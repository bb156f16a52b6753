/**
 * The simple formatting of note texts, as tokens the renderer turns into React elements (never
 * into HTML): line breaks, `*bold*`, `_italic_` and bare `https://` links. Everything else is text,
 * including anything that looks like HTML.
 */

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'link'; href: string; text: string }
  | { kind: 'break' };

// Stops at whitespace and at characters that do not belong in a bare URL in running text.
const URL = /https:\/\/[^\s<>"'`]+/g;
/** Punctuation that ends a sentence rather than the link ("siehe https://x.de."). */
const TRAILING = /[.,;:!?)\]}]+$/;
/** `*…*` or `_…_`: no space just inside the markers, no line break, nothing empty. */
const EMPHASIS = /([*_])(\S(?:[^\n]*?\S)?)\1/g;
/** What may stand before an opening or after a closing marker, so `snake_case_name` stays text. */
const BOUNDARY = /[\s([{"'„“‚‘.,;:!?)\]}/-]/;

/** The link's target if it is a well-formed https URL, else null. */
function httpsHref(text: string): string | null {
  try {
    const url = new globalThis.URL(text);
    return url.protocol === 'https:' && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}

function pushText(tokens: Token[], text: string): void {
  if (text === '') return;
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'text') last.text += text;
  else tokens.push({ kind: 'text', text });
}

/** `*bold*` and `_italic_` within text that holds no link. */
function emphasis(tokens: Token[], text: string): void {
  let at = 0;
  for (const m of text.matchAll(EMPHASIS)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start === 0 ? ' ' : text[start - 1]!;
    const after = end === text.length ? ' ' : text[end]!;
    if (!BOUNDARY.test(before) || !BOUNDARY.test(after)) continue;
    pushText(tokens, text.slice(at, start));
    tokens.push({ kind: m[1] === '*' ? 'bold' : 'italic', text: m[2]! });
    at = end;
  }
  pushText(tokens, text.slice(at));
}

function line(tokens: Token[], text: string): void {
  let at = 0;
  for (const m of text.matchAll(URL)) {
    const raw = m[0].replace(TRAILING, '');
    const href = httpsHref(raw);
    if (!href) continue;
    emphasis(tokens, text.slice(at, m.index));
    tokens.push({ kind: 'link', href, text: raw });
    at = m.index + raw.length;
  }
  emphasis(tokens, text.slice(at));
}

/** Split a note's text into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  text.split('\n').forEach((part, i) => {
    if (i > 0) tokens.push({ kind: 'break' });
    line(tokens, part);
  });
  return tokens;
}
