import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/events.js';
import { auditCsvUrl } from '../api/audit-api.js';
import { translator } from '../i18n/messages.js';
import { actionLabel, detailPhrases, objectLabel } from './audit-format.js';
import { auditHash, auditQuery, hasFilters, NO_FILTERS, parseAuditHash } from './audit-view.js';
import { isAuditHash } from './route.js';

describe('audit log hash', () => {
  it('recognises the page only', () => {
    expect(isAuditHash('#/protokoll')).toBe(true);
    expect(isAuditHash('#/protokoll?actor=x')).toBe(true);
    expect(isAuditHash('#/protokolle')).toBe(false);
    expect(isAuditHash('#/dashboard')).toBe(false);
  });

  it('round-trips the filters and leaves out empty ones', () => {
    const filters = {
      ...NO_FILTERS,
      objectType: 'claim' as const,
      objectId: '12',
      actor: 'Rat & Co',
      from: '2025-03-01',
    };
    const hash = auditHash(filters);
    expect(hash).toBe('#/protokoll?object_type=claim&object_id=12&actor=Rat+%26+Co&from=2025-03-01');
    expect(parseAuditHash(hash)).toEqual(filters);
    expect(auditHash(NO_FILTERS)).toBe('#/protokoll');
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it('drops unknown types, malformed days and an object id without its type', () => {
    expect(parseAuditHash('#/protokoll?object_type=planet&object_id=3&from=03.2025&to=2025-03-31')).toEqual({
      ...NO_FILTERS,
      to: '2025-03-31',
    });
    expect(auditQuery({ ...NO_FILTERS, objectId: '3', q: '  Nord ' })).toEqual({ q: 'Nord' });
  });

  it('builds the CSV address from the filter without page cursor and size', () => {
    expect(auditCsvUrl({ object_type: 'claim', before: 40, limit: 10 })).toBe(
      '/api/audit?format=csv&object_type=claim',
    );
    expect(auditCsvUrl({})).toBe('/api/audit?format=csv');
  });
});

describe('audit entry wording', () => {
  const de = translator('de');
  const entry = (over: Partial<AuditEntry>): AuditEntry => ({
    id: 1,
    at: '2025-03-14T08:41:07.000Z',
    objectType: 'claim',
    objectId: '12',
    action: 'updated',
    actor: 'Regionsplanung (Demo)',
    actorId: 2,
    summary: '',
    details: null,
    ...over,
  });

  it('labels actions and objects in German, unknown ones by name', () => {
    expect(actionLabel('created', 'de')).toBe('angelegt');
    expect(actionLabel('status', 'en')).toBe('status changed');
    expect(actionLabel('archived', 'de')).toBe('archived');
    expect(actionLabel('toString', 'de')).toBe('toString');
    expect(objectLabel(entry({}), 'de', de)).toBe('Flächenanspruch 12');
    expect(objectLabel(entry({ objectType: 'rules', objectId: '1' }), 'de', de)).toBe('Konfliktregeln');
  });

  it('puts details into words', () => {
    expect(detailPhrases(entry({ details: { version: 2, status: 'draft' } }), 'de', de)).toEqual([
      'Version 2',
      'Status: Entwurf',
    ]);
    const conflict = entry({
      objectType: 'conflict',
      action: 'status',
      details: { from: 'open', to: 'in_discussion', justification: null, note: 'Termin', extra: 3 },
    });
    expect(detailPhrases(conflict, 'de', de)).toEqual(['Status: Offen → In Abstimmung', 'Notiz: Termin', 'extra: 3']);
    const round = entry({ objectType: 'conflict_round', details: { conflict_id: 7, decision: 'resolved' } });
    expect(detailPhrases(round, 'de', de)).toEqual(['Entscheidung zu Konflikt 7: Gelöst']);
  });
});
