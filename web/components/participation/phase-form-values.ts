/** The new-phase form's values, their validation with the shared contract, and the claim filter. */
import type { ClaimFeature } from '../../../shared/claims.js';
import { checkPeriod } from '../../../shared/participation.js';
import { PhaseInputSchema, type PhaseInput } from '../../../shared/participation.schema.js';

/** What the form's inputs hold; dates as `datetime-local` values (local time, `YYYY-MM-DDTHH:mm`). */
export interface PhaseFormValues {
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  claimIds: ReadonlySet<number>;
}

export type PhaseField = 'title' | 'description' | 'startsAt' | 'endsAt' | 'claimIds';

/** A message per field: the server's or the schema's German text, or a catalogue key marker. */
export type PhaseErrors = Partial<Record<PhaseField, string>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as an ISO instant, or null when it is empty or no date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Six weeks, the usual length of a public display (Auslegung). */
const DEFAULT_WEEKS = 6;

/** Empty form: starting at the next full hour, ending six weeks later. */
export function initialPhaseValues(now: Date): PhaseFormValues {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const end = new Date(start);
  end.setDate(end.getDate() + DEFAULT_WEEKS * 7);
  return { title: '', description: '', startsAt: toLocalInput(start), endsAt: toLocalInput(end), claimIds: new Set() };
}

/** The field a server issue path (`title`, `ends_at`, …) belongs to. */
export function phaseFieldOf(path: string): PhaseField | null {
  const map: Record<string, PhaseField> = {
    title: 'title',
    description: 'description',
    starts_at: 'startsAt',
    ends_at: 'endsAt',
    claim_ids: 'claimIds',
  };
  return map[path.split('.')[0]!] ?? null;
}

/** Missing date markers, so the form shows its own message for them. */
export const DATE_REQUIRED = 'date_required';

/** Validate the values: the body to send, or messages per field. */
export function validatePhase(
  values: PhaseFormValues,
): { ok: true; input: PhaseInput } | { ok: false; errors: PhaseErrors } {
  const errors: PhaseErrors = {};
  const startsAt = fromLocalInput(values.startsAt);
  const endsAt = fromLocalInput(values.endsAt);
  if (!startsAt) errors.startsAt = DATE_REQUIRED;
  if (!endsAt) errors.endsAt = DATE_REQUIRED;
  const parsed = PhaseInputSchema.safeParse({
    title: values.title,
    description: values.description,
    starts_at: startsAt ?? '',
    ends_at: endsAt ?? '',
    claim_ids: [...values.claimIds],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = phaseFieldOf(issue.path.map(String).join('.'));
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (startsAt && endsAt) {
    const period = checkPeriod(new Date(startsAt), new Date(endsAt));
    if (!period.valid && !errors.endsAt) errors.endsAt = period.message;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** Lower-case, accents removed: "Lehrte" finds "lehrte", "Bürger" finds "burger". */
function fold(text: string): string {
  return text.toLocaleLowerCase('de-DE').normalize('NFKD').replace(/\p{M}/gu, '');
}

/** True if `claim` matches the checklist filter (title, proposer or a municipality's name). */
export function claimMatches(claim: ClaimFeature, query: string, municipalityNames: readonly string[]): boolean {
  const q = fold(query.trim());
  if (!q) return true;
  const p = claim.properties;
  return fold(`${p.title}\n${p.proposer.name}\n${municipalityNames.join('\n')}`).includes(q);
}
