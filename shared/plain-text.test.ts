import { describe, expect, it } from 'vitest';
import { plainTextProblem } from './plain-text.js';
import { plainText } from './text.schema.js';

describe('plainTextProblem', () => {
  it.each([
    ['<script>alert(1)</script>', true],
    ["Robert'); DROP TABLE planning_claim; --", true],
    ['Grünzug 🌾 e\u0301 עברית', true],
    ['Zeile 1\nZeile 2\tTab', true],
  ])('accepts text as typed: %s', (text, multiline) => {
    expect(plainTextProblem(text, multiline)).toBeNull();
  });

  it.each([
    ['a\u0000b', /Steuerzeichen/],
    ['a\u001b[31m', /Steuerzeichen/],
    ['a\u0085b', /Steuerzeichen/],
    ['Wohnen \u202egnudlib', /Schreibrichtung/],
    ['\u2066isoliert\u2069', /Schreibrichtung/],
  ])('refuses %j', (text, message) => {
    expect(plainTextProblem(text, true)).toMatch(message);
  });

  it('refuses line breaks only in single-line fields', () => {
    expect(plainTextProblem('a\nb', false)).toMatch(/Zeilenumbrüche/);
    expect(plainTextProblem('a\nb', true)).toBeNull();
  });
});

describe('plainText', () => {
  const title = plainText(10).min(1, 'leer');

  it('trims whitespace and zero-width characters, so an invisible title is empty', () => {
    expect(title.parse('  \u200bTitel\ufeff ')).toBe('Titel');
    expect(title.safeParse('\u200b\u200d\ufeff').error?.issues[0]?.message).toBe('leer');
  });

  it('normalises Windows line breaks in multi-line text', () => {
    expect(plainText(100, { multiline: true }).parse('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('counts the limit after trimming and names it', () => {
    expect(title.parse(` ${'x'.repeat(10)} `)).toHaveLength(10);
    expect(title.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('höchstens 10 Zeichen');
  });

  it('does not trim a leading direction override away but refuses it', () => {
    expect(title.safeParse('\u202eok').error?.issues[0]?.message).toMatch(/Schreibrichtung/);
  });
});
