/** Largest id or version number the database stores (a PostgreSQL `integer`). */
export const INT4_MAX = 2_147_483_647;

/** Message for a number above {@link INT4_MAX} where an id or version is expected. */
export const TOO_BIG_FOR_ID = `höchstens ${INT4_MAX.toLocaleString('de-DE')} (keine gültige ID oder Version)`;
