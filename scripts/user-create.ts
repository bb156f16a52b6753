/**
 * `npm run user:create -- --username NAME --role ROLE [--name "Anzeigename"] [--municipalities AGS,AGS]`
 * Creates an account (or, with --replace, resets it). The password comes from the environment
 * variable FF_PASSWORD or is asked for on the terminal. Works on both backends (DATABASE_URL or PGLITE_DIR).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/access.js';
import { createUser } from '../server/auth/users.repo.js';
import { openDatabase } from '../server/db/database.js';
import { migrate } from '../server/db/migrate.js';
import { loadEnv } from '../server/env.js';

const USAGE =
  'Aufruf: npm run user:create -- --username NAME --role admin|planner|council|public [--name "Anzeigename"] [--municipalities 03241011,03241001] [--replace]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    municipalities: { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
});
if (!values.username || !/^[a-z0-9._-]{2,64}$/i.test(values.username)) {
  fail('--username fehlt oder enthält andere Zeichen als a–z, 0–9, . _ - (2–64 Zeichen).');
}
if (!values.role || !(ROLES as readonly string[]).includes(values.role))
  fail(`--role muss eine von ${ROLES.join(', ')} sein.`);
const municipalities = values.municipalities?.split(',').map((a) => a.trim());
if (municipalities?.some((a) => !/^03241\d{3}$/.test(a)))
  fail('--municipalities: AGS der Region Hannover, z. B. 03241011.');
if (municipalities && values.role !== 'planner') fail('--municipalities gilt nur für die Rolle planner.');

let password = process.env.FF_PASSWORD ?? '';
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Passwort (mind. 10 Zeichen): ');
  rl.close();
}
if (password.length < 10) fail('Das Passwort muss mindestens 10 Zeichen lang sein.');

const env = loadEnv();
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
try {
  await migrate(db);
  const user = await createUser(
    db,
    {
      username: values.username,
      role: values.role as Role,
      displayName: values.name ?? values.username,
      password,
      municipalities: municipalities ?? null,
    },
    values.replace,
  );
  console.log(
    `Konto angelegt: ${user.username} (${user.role}${user.municipalities ? `, ${user.municipalities.join(', ')}` : ''})`,
  );
} catch (err) {
  const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  if (code === '23505') fail(`Den Benutzernamen ${values.username} gibt es schon (--replace setzt ihn zurück).`);
  throw err;
} finally {
  await db.close();
}
