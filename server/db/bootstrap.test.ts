import { describe, expect, it } from 'vitest';
import { wantsDemoAccounts } from './bootstrap.js';

describe('default accounts', () => {
  it('exist only on the embedded demo database, never with DATABASE_URL', () => {
    expect(wantsDemoAccounts({ DATABASE_URL: undefined, DEMO_DATA: true })).toBe(true);
    expect(wantsDemoAccounts({ DATABASE_URL: undefined, DEMO_DATA: false })).toBe(false);
    expect(wantsDemoAccounts({ DATABASE_URL: 'postgres://u@h/db', DEMO_DATA: true })).toBe(false);
    expect(wantsDemoAccounts({ DATABASE_URL: 'postgres://u@h/db', DEMO_DATA: false })).toBe(false);
  });
});
