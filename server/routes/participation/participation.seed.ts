/** The demo participation phase (Demo-Daten): running now, publishing every other demo claim. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';

/** Title suffix that marks demo phases, so a re-seed replaces them and leaves real ones alone. */
export const DEMO_PHASE_SUFFIX = ' (Demo-Daten)';

export const DEMO_PHASE_TITLE = `Öffentliche Beteiligung Regionales Raumordnungsprogramm${DEMO_PHASE_SUFFIX}`;

const DEMO_PHASE_DESCRIPTION =
  'Die Region Hannover legt ausgewählte Flächenansprüche zur Stellungnahme aus. Bürgerinnen, Bürger, ' +
  'Vereine und Initiativen können die Ansprüche kommentieren und eigene Vorschläge einreichen.';

/**
 * Replace the demo phase: it began a week before the seed and runs eight weeks after it, and
 * publishes the 1st, 3rd, 5th, … demo claim in the generator's order (ids ascending), about half.
 * Call after the demo claims are seeded, inside the seed transaction.
 */
export async function seedDemoParticipation(db: Queryable): Promise<number> {
  await db.run(sql`delete from participation_phase where title like ${`%${DEMO_PHASE_SUFFIX}`}`);
  const { id } = await db.one<{ id: number }>(sql`
    insert into participation_phase (title, description, starts_at, ends_at)
    values (${DEMO_PHASE_TITLE}, ${DEMO_PHASE_DESCRIPTION},
      date_trunc('day', now()) - interval '7 days', date_trunc('day', now()) + interval '56 days')
    returning id`);
  const rows = await db.rows<{ claim_id: number }>(sql`
    insert into participation_claim (phase_id, claim_id)
    select ${id}, d.id from (select id, row_number() over (order by id) as n from planning_claim where demo) d
    where d.n % 2 = 1
    returning claim_id`);
  return rows.length;
}
