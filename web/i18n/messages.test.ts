import { describe, expect, it } from 'vitest';
import { de } from './de.js';
import { en } from './en.js';
import { formatMessage, formatNumber, translator } from './messages.js';

describe('message catalogues', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(de[key]));
    }
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(formatMessage('{a} und {b}', { a: 1 })).toBe('1 und {b}');
  });

  it('translates with the chosen locale', () => {
    expect(translator('de')('map.zoomHint')).toBe('Zoomen Sie hinein, um Flurstücke zu sehen.');
    expect(translator('en')('municipality.population', { year: 2023 })).toBe('Population (2023)');
  });
});

describe('formatNumber', () => {
  it('groups thousands per locale', () => {
    expect(formatNumber('de', 548186)).toBe('548.186');
    expect(formatNumber('en', 548186)).toBe('548,186');
    expect(formatNumber('de', -0.25, 1)).toBe('-0,3');
  });
});
