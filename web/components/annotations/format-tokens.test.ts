import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from './format-tokens.js';

const text = (t: string): Token => ({ kind: 'text', text: t });
const BREAK: Token = { kind: 'break' };

describe('tokenize', () => {
  it('keeps plain text, HTML included, as one text token', () => {
    const html = '<script>alert(1)</script><img src=x onerror="alert(2)"> &amp;';
    expect(tokenize(html)).toEqual([text(html)]);
  });

  it('turns line breaks into break tokens, keeping empty lines', () => {
    expect(tokenize('a\n\nb')).toEqual([text('a'), BREAK, BREAK, text('b')]);
  });

  it('reads *bold* and _italic_ between word boundaries', () => {
    expect(tokenize('Das ist *wichtig*, _bitte_ prüfen.')).toEqual([
      text('Das ist '),
      { kind: 'bold', text: 'wichtig' },
      text(', '),
      { kind: 'italic', text: 'bitte' },
      text(' prüfen.'),
    ]);
    expect(tokenize('*zwei Wörter*')).toEqual([{ kind: 'bold', text: 'zwei Wörter' }]);
  });

  it('leaves markers inside words, with inner spaces, or unclosed as text', () => {
    for (const plain of ['snake_case_name', '2*3*4', '* nicht *', '*offen', 'a ** b', '_ _']) {
      expect(tokenize(plain), plain).toEqual([text(plain)]);
    }
  });

  it('does not carry emphasis across lines', () => {
    expect(tokenize('*a\nb*')).toEqual([text('*a'), BREAK, text('b*')]);
  });

  it('links bare https URLs, leaving sentence punctuation outside', () => {
    expect(tokenize('Siehe https://www.hannover.de/plan_a?x=1&y=2. Danke')).toEqual([
      text('Siehe '),
      { kind: 'link', href: 'https://www.hannover.de/plan_a?x=1&y=2', text: 'https://www.hannover.de/plan_a?x=1&y=2' },
      text('. Danke'),
    ]);
  });

  it('links only https, never other schemes', () => {
    for (const plain of ['http://example.org', 'javascript:alert(1)', 'https://', 'data:text/html,<b>x</b>']) {
      expect(
        tokenize(plain).some((t) => t.kind === 'link'),
        plain,
      ).toBe(false);
    }
  });

  it('stops a URL at quotes and angle brackets', () => {
    const tokens = tokenize('<a href="https://evil.example/x">klick</a>');
    expect(tokens.filter((t) => t.kind === 'link')).toEqual([
      { kind: 'link', href: 'https://evil.example/x', text: 'https://evil.example/x' },
    ]);
    expect(tokens.map((t) => ('text' in t ? t.text : '\n')).join('')).toBe(
      '<a href="https://evil.example/x">klick</a>',
    );
  });

  it('formats around links', () => {
    expect(tokenize('*neu:* https://a.de')).toEqual([
      { kind: 'bold', text: 'neu:' },
      text(' '),
      { kind: 'link', href: 'https://a.de/', text: 'https://a.de' },
    ]);
  });
});
