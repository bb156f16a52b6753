/** The zod contract of an admin's rule set (`PUT /api/rules`), and its validation. */
import { z } from 'zod';
import { CLAIM_USES } from './claim-uses.js';
import { CONSTRAINT_KINDS } from './constraint-kinds.js';
import { RULE_LIMITS, SEVERITIES, useUseRule, type RuleSet } from './conflict-rules.js';
import { plainText } from './text.schema.js';

const severitySchema = z.enum(SEVERITIES, { error: `Schwere muss eine von ${SEVERITIES.join(', ')} sein` });
const useSchema = z.enum(CLAIM_USES, { error: `Nutzung muss eine von ${CLAIM_USES.join(', ')} sein` });
const kindSchema = z.enum(CONSTRAINT_KINDS, {
  error: `Schutz-/Vorranggebietsart muss eine von ${CONSTRAINT_KINDS.join(', ')} sein`,
});
const reasonSchema = plainText(RULE_LIMITS.reasonMaxChars, { error: 'Begründung muss ein Text sein' }).min(
  1,
  'Begründung darf nicht leer sein',
);

/** A missing record entry reaches the value schema as `undefined`; say "fehlt" instead of a type error. */
const objectError = (what: string) => (issue: { code?: string; input?: unknown }) =>
  issue.code === 'invalid_type'
    ? issue.input === undefined
      ? `${what} fehlt`
      : `${what} muss ein Objekt sein`
    : undefined;

const ruleCellSchema = z.strictObject(
  { severity: severitySchema, reason: reasonSchema },
  { error: objectError('Regel') },
);

const setbackSchema = z.strictObject(
  {
    id: z
      .string({ error: 'id muss ein Text sein' })
      .regex(/^[a-z][a-z0-9_]{0,63}$/, 'id: Kleinbuchstaben, Ziffern und _, höchstens 64 Zeichen (z. B. wind_housing)'),
    use: useSchema,
    near: z
      .array(useSchema, { error: 'near muss eine Liste von Nutzungen sein' })
      .min(1, 'near braucht mindestens eine Nutzung')
      .refine((near) => new Set(near).size === near.length, 'near nennt eine Nutzung doppelt'),
    distanceM: z
      .number({ error: 'Abstand muss eine Zahl in Metern sein' })
      .min(RULE_LIMITS.distanceMinM, `Abstand mindestens ${RULE_LIMITS.distanceMinM} m`)
      .max(RULE_LIMITS.distanceMaxM, `Abstand höchstens ${RULE_LIMITS.distanceMaxM} m`),
    severity: severitySchema,
    reason: reasonSchema,
  },
  { error: objectError('Abstandsregel') },
);

/**
 * An admin's complete rule set (body of `PUT /api/rules`). Every use and constraint-kind key must
 * be present and known; each unordered use pair must be given at least once, and if given in both
 * key orders the two cells must agree; setback ids are unique.
 */
export const RuleSetSchema: z.ZodType<RuleSet> = z
  .strictObject(
    {
      useUse: z.record(useSchema, z.partialRecord(useSchema, ruleCellSchema, { error: objectError('Zeile') }), {
        error: objectError('useUse'),
      }),
      useConstraint: z.record(useSchema, z.record(kindSchema, ruleCellSchema, { error: objectError('Zeile') }), {
        error: objectError('useConstraint'),
      }),
      setbacks: z
        .array(setbackSchema, { error: 'setbacks muss eine Liste sein' })
        .max(RULE_LIMITS.maxSetbacks, `höchstens ${RULE_LIMITS.maxSetbacks} Abstandsregeln`),
      overlapThresholdHa: z
        .number({ error: 'Schwellenwert muss eine Zahl in Hektar sein' })
        .min(0, 'Schwellenwert mindestens 0 ha')
        .max(RULE_LIMITS.overlapThresholdMaxHa, `Schwellenwert höchstens ${RULE_LIMITS.overlapThresholdMaxHa} ha`),
    },
    { error: objectError('Regelwerk') },
  )
  .superRefine((rules, ctx) => {
    for (const [i, a] of CLAIM_USES.entries()) {
      for (const b of CLAIM_USES.slice(i)) {
        const ab = rules.useUse[a][b];
        const ba = rules.useUse[b][a];
        if (!ab && !ba) {
          ctx.addIssue({
            code: 'custom',
            path: ['useUse', a, b],
            message: `Regel für ${a} × ${b} fehlt (in einer der beiden Richtungen angeben)`,
          });
        } else if (ab && ba && (ab.severity !== ba.severity || ab.reason !== ba.reason)) {
          ctx.addIssue({
            code: 'custom',
            path: ['useUse', b, a],
            message: `widerspricht useUse.${a}.${b}: beide Richtungen müssen übereinstimmen`,
          });
        }
      }
    }
    const seen = new Set<string>();
    for (const [i, s] of rules.setbacks.entries()) {
      if (seen.has(s.id)) {
        ctx.addIssue({ code: 'custom', path: ['setbacks', i, 'id'], message: `id ${s.id} ist doppelt vergeben` });
      }
      seen.add(s.id);
    }
  });

export type RuleSetValidation =
  { valid: true; rules: RuleSet } | { valid: false; issues: { path: string; message: string }[] };

/**
 * Validate an admin's rule set. On success `rules` holds each use pair once, in `CLAIM_USES` order,
 * whichever order the input used. Issues name the field as a dotted path, e.g. `setbacks.0.distanceM`.
 */
export function validateRuleSet(input: unknown): RuleSetValidation {
  const result = RuleSetSchema.safeParse(input);
  if (!result.success) {
    return {
      valid: false,
      issues: result.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.code === 'unrecognized_keys' ? `unbekannte Felder: ${i.keys.join(', ')}` : i.message,
      })),
    };
  }
  const parsed = result.data;
  const useUse = Object.fromEntries(
    CLAIM_USES.map((a, i) => [a, Object.fromEntries(CLAIM_USES.slice(i).map((b) => [b, useUseRule(parsed, a, b)]))]),
  ) as RuleSet['useUse'];
  return { valid: true, rules: { ...parsed, useUse } };
}
