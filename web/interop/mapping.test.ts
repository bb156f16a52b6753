import { describe, expect, it } from 'vitest';
import {
  decisionKey,
  decisionOf,
  distinctValues,
  mappedText,
  sourceFor,
  targetFields,
  untranslatedValues,
  vocabulary,
  withTranslation,
} from './mapping.js';

const features = [
  { properties: { Nutzung: 'Wohnen', Projekt: 'Nord', Jahr: 2030 } },
  { properties: { Nutzung: 'Photovoltaik', Projekt: 'Süd', Jahr: 2030 } },
  { properties: { Nutzung: 'Wohnen', Projekt: 'West', Jahr: null } },
  { properties: { Nutzung: 'solar', Projekt: '', Jahr: 2035 } },
];

describe('target fields', () => {
  it('are the claim attributes, or kind and name of a constraint area', () => {
    expect(targetFields('claims').map((f) => f.key)).toEqual([
      'title',
      'use',
      'proposer_name',
      'proposer_type',
      'status',
      'horizon_year',
      'description',
    ]);
    expect(targetFields('constraints').map((f) => [f.key, f.kind])).toEqual([
      ['kind', 'vocab'],
      ['name', 'text'],
    ]);
  });

  it('offer only the statuses a new claim may start with', () => {
    expect(vocabulary('status', 'de')).toEqual([
      { code: 'draft', label: 'Entwurf' },
      { code: 'proposed', label: 'Vorgeschlagen' },
    ]);
    expect(vocabulary('title', 'de')).toEqual([]);
  });
});

describe('column values', () => {
  it('are counted, most frequent first, empty ones left out', () => {
    expect(distinctValues(features, 'Nutzung')).toEqual([
      { value: 'Wohnen', count: 2 },
      { value: 'Photovoltaik', count: 1 },
      { value: 'solar', count: 1 },
    ]);
    expect(distinctValues(features, 'Jahr')).toEqual([
      { value: '2030', count: 2 },
      { value: '2035', count: 1 },
    ]);
  });

  it('pre-translate labels when a vocabulary field picks a column; codes need none', () => {
    const source = sourceFor('use', 'Nutzung', features, { value: null });
    expect(source).toEqual({ field: 'Nutzung', values: { Wohnen: 'housing' } });
    expect(untranslatedValues('use', source, features)).toEqual(['Photovoltaik']);
    const done = withTranslation(source, 'Photovoltaik', 'solar');
    expect(untranslatedValues('use', done, features)).toEqual([]);
    expect(withTranslation(withTranslation(done, 'Photovoltaik', ''), 'Wohnen', '')).toEqual({ field: 'Nutzung' });
  });

  it('keep the constant when switching back from a column', () => {
    expect(sourceFor('title', '', features, { value: 'Import' })).toEqual({ value: 'Import' });
    expect(sourceFor('title', '', features, { field: 'Projekt' })).toEqual({ value: null });
    expect(sourceFor('title', 'Projekt', features, { value: 'Import' })).toEqual({ field: 'Projekt' });
  });

  it('give the text a feature gets, translated', () => {
    const use = { field: 'Nutzung', values: { Wohnen: 'housing' } };
    expect(mappedText(use, features[0]!.properties)).toBe('housing');
    expect(mappedText(use, features[1]!.properties)).toBe('Photovoltaik');
    expect(mappedText({ value: 'Fest' }, features[0]!.properties)).toBe('Fest');
    expect(mappedText({ field: 'Jahr' }, features[2]!.properties)).toBe('');
  });
});

describe('decisions', () => {
  it('send exclusions sorted and only when there are some', () => {
    const mapping = { title: { field: 'Projekt' } };
    expect(decisionOf(mapping, false, new Set())).toEqual({ mapping, accept_repaired: false });
    expect(decisionOf(mapping, true, new Set([3, 1]))).toEqual({ mapping, accept_repaired: true, exclude: [1, 3] });
  });

  it('compare equal for the same settings and differ for any change', () => {
    const a = decisionKey(decisionOf({ title: { value: 'x' }, use: { value: 'housing' } }, false, new Set([2, 1])));
    const b = decisionKey(decisionOf({ use: { value: 'housing' }, title: { value: 'x' } }, false, new Set([1, 2])));
    expect(a).toBe(b);
    expect(
      decisionKey(decisionOf({ title: { value: 'x' }, use: { value: 'housing' } }, true, new Set([1, 2]))),
    ).not.toBe(a);
    expect(
      decisionKey(decisionOf({ title: { value: 'y' }, use: { value: 'housing' } }, false, new Set([1, 2]))),
    ).not.toBe(a);
  });
});
