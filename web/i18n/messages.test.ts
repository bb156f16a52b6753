import { describe, expect, it } from 'vitest';
import { annotationsDe } from './annotations.de.js';
import { apiDocsDe } from './api-docs.de.js';
import { auditDe } from './audit.de.js';
import { conflictsDe } from './conflicts.de.js';
import { dashboardDe } from './dashboard.de.js';
import { de as pageDe } from './de.js';
import { en } from './en.js';
import { interopDe } from './interop.de.js';
import { participationDe } from './participation.de.js';
import { roundsDe } from './rounds.de.js';
import { formatMessage, formatNumber, loadCatalogue, translator } from './messages.js';

/** Every German text: the page bundle's and those that come with the feature chunks (`*.texts.ts`). */
const de = {
  ...pageDe,
  ...dashboardDe,
  ...conflictsDe,
  ...annotationsDe,
  ...roundsDe,
  ...auditDe,
  ...participationDe,
  ...apiDocsDe,
  ...interopDe,
};

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

  it('gives a feature text once its chunk added it', async () => {
    expect(translator('de')('rounds.title')).toBe('rounds.title');
    await import('./rounds.texts.js');
    expect(translator('de')('rounds.title')).toBe('Konfliktrunden');
  });

  it('translates with the chosen locale once its catalogue is loaded, in German before', async () => {
    expect(translator('de')('map.zoomHint')).toBe('Zoomen Sie hinein, um Flurstücke zu sehen.');
    expect(translator('en')('municipality.population', { year: 2023 })).toBe('Einwohner (2023)');
    await loadCatalogue('en');
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

describe('feature texts', () => {
  const catalogues: Record<string, Record<string, string>> = {
    annotations: annotationsDe,
    'api-docs': apiDocsDe,
    audit: auditDe,
    conflicts: conflictsDe,
    dashboard: dashboardDe,
    interop: interopDe,
    participation: participationDe,
    rounds: roundsDe,
  };
  const sections = Object.keys(catalogues);
  // Every client module's source, without the catalogues, the browser tests and the unit tests.
  const sources = Object.entries(
    import.meta.glob<string>(['../**/*.{ts,tsx}', '!./**', '!../e2e/**', '!../**/*.test.*'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  );

  it('are each in one place: the page catalogue or a feature catalogue', () => {
    const featureKeys = Object.keys({
      ...dashboardDe,
      ...conflictsDe,
      ...annotationsDe,
      ...roundsDe,
      ...auditDe,
      ...apiDocsDe,
      ...interopDe,
    });
    expect([...featureKeys, ...Object.keys(participationDe)].filter((key) => key in pageDe)).toEqual([]);
  });

  it('are loaded by every module that shows one that is not in the page catalogue', () => {
    expect(sources.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const [file, text] of sources) {
      for (const section of sections) {
        // Keys named after the section (also built ones, `conflicts.status.${…}`) and every key of the
        // section's catalogue whatever its name (e.g. `layers.conflicts` in the conflicts catalogue).
        const named = [...text.matchAll(new RegExp(`['\`](${section}\\.[A-Za-z][\\w.\${}]*)['\`]`, 'g'))].map(
          (m) => m[1]!,
        );
        const listed = Object.keys(catalogues[section]!).filter((key) => text.includes(`'${key}'`));
        const keys = [...new Set([...named, ...listed])].filter(
          (key) => !/\.(js|ts|tsx|css)$/.test(key) && !(key in pageDe),
        );
        if (keys.length > 0 && !text.includes(`i18n/${section}.texts.js'`)) missing.push(`${file}: ${keys.join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
