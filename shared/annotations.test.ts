import { describe, expect, it } from 'vitest';
import { checkAnnotationBody } from './annotations.js';
import { AnnotationCreateSchema } from './annotations.schema.js';

describe('checkAnnotationBody', () => {
  it('trims and normalises line breaks, keeping tabs and inner newlines', () => {
    expect(checkAnnotationBody('  a\r\nb\rc\td  ')).toEqual({ valid: true, body: 'a\nb\nc\td' });
  });

  it('keeps HTML as text', () => {
    const html = '<script>alert(1)</script><img src=x onerror="x()">';
    expect(checkAnnotationBody(html)).toEqual({ valid: true, body: html });
  });

  it.each([
    ['', 'body_empty'],
    [' \n\t ', 'body_empty'],
    ['a\u0000b', 'body_control_chars'],
    ['a\u001bb', 'body_control_chars'],
    ['a\u007fb', 'body_control_chars'],
    ['a\u0085b', 'body_control_chars'],
    ['x'.repeat(5001), 'body_too_long'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(checkAnnotationBody(text)).toMatchObject({ valid: false, reason });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkAnnotationBody('😀'.repeat(5000)).valid).toBe(true);
    expect(checkAnnotationBody('😀'.repeat(5001)).valid).toBe(false);
  });
});

describe('AnnotationCreateSchema', () => {
  it('needs exactly one of target, geometry and parent_id', () => {
    const ok = (body: unknown) => AnnotationCreateSchema.safeParse(body).success;
    expect(ok({ body: 'x', target: { type: 'claim', id: 3 } })).toBe(true);
    expect(ok({ body: 'x', parent_id: 3 })).toBe(true);
    expect(ok({ body: 'x', geometry: { type: 'Point', coordinates: [10, 52] } })).toBe(true);
    expect(ok({ body: 'x' })).toBe(false);
    expect(ok({ body: 'x', parent_id: 3, target: { type: 'claim', id: 3 } })).toBe(false);
  });

  it('checks target ids per type', () => {
    const ok = (target: unknown) => AnnotationCreateSchema.safeParse({ body: 'x', target }).success;
    expect(ok({ type: 'municipality', id: '03241011' })).toBe(true);
    expect(ok({ type: 'municipality', id: '3241011' })).toBe(false);
    expect(ok({ type: 'conflict', id: '0' })).toBe(false);
    expect(ok({ type: 'claim', id: 'abc' })).toBe(false);
    expect(ok({ type: 'parcel', id: '1' })).toBe(false);
  });
});
