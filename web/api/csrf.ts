/** The session's CSRF token, held in memory (never in storage) and sent with every write. */
let token: string | null = null;

/** Remember the token of the current session (null after logout). */
export function setCsrfToken(value: string | null): void {
  token = value;
}

/** Headers every state-changing request adds (empty when not signed in). */
export function csrfHeaders(): Record<string, string> {
  return token ? { 'X-CSRF-Token': token } : {};
}
