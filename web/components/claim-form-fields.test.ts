import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, translator } from '../i18n/messages.js';
import { fieldErrors, initialValues, validate } from './claim-form-fields.js';

const valid = {
  ...initialValues(null),
  title: 'Wohngebiet Nord',
  use: 'housing' as const,
  proposerName: 'Stadt Lehrte',
};

describe('claim form validation', () => {
  beforeAll(() => loadCatalogue('en'));

  it('turns valid values into a ClaimInput, an empty horizon into null', () => {
    const result = validate({ ...valid, title: '  Wohngebiet Nord ' });
    expect(result).toEqual({
      ok: true,
      input: {
        title: 'Wohngebiet Nord',
        use: 'housing',
        proposer: { name: 'Stadt Lehrte', type: 'municipality' },
        status: 'draft',
        horizon_year: null,
        description: '',
      },
    });
  });

  it('names the fields that fail, with the schema messages in German', () => {
    const result = validate({ ...valid, title: '', use: '', horizon: '2100' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errors = fieldErrors(result.issues, 'de', translator('de'));
    expect(Object.keys(errors).sort()).toEqual(['horizon', 'title', 'use']);
    expect(errors.title).toBe('Titel darf nicht leer sein');
    expect(errors.horizon).toBe('Planungshorizont spätestens 2060');
  });

  it('uses the catalogue messages in English and maps server paths to fields', () => {
    const errors = fieldErrors([{ path: 'proposer.name', message: 'darf nicht leer sein' }], 'en', translator('en'));
    expect(errors).toEqual({ proposerName: 'Please name the proposing body (at most 200 characters).' });
  });
});
