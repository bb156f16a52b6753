/**
 * Header control for the session: "Anmelden" opens a sign-in dialog; when signed in it shows the
 * user's name and role and a sign-out button. The dialog is a native <dialog> (focus trap, Escape).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLE } from '../../shared/access.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';

/** Sign-in button or the signed-in user with sign-out. */
export function AccountMenu() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const { user, status } = useAppStore((s) => s.session);
  const refreshSession = useAppStore((s) => s.refreshSession);
  const setLoginOpen = useAppStore((s) => s.setLoginOpen);
  const signOut = useAppStore((s) => s.signOut);

  useEffect(() => {
    void refreshSession();
  }, [refreshSession]);

  if (status === 'loading') return <span className="account-menu account-menu--loading" aria-hidden="true" />;
  return (
    <div className="account-menu">
      {user ? (
        <>
          <span className="account-menu__user" data-testid="account-user">
            <span className="account-menu__name">{user.displayName}</span>
            <span className="account-menu__role">{ROLE[user.role][locale]}</span>
          </span>
          <button type="button" className="account-menu__button" onClick={() => void signOut()}>
            {t('account.logout')}
          </button>
        </>
      ) : (
        <button type="button" className="account-menu__button" onClick={() => setLoginOpen(true)}>
          {t('account.login')}
        </button>
      )}
      <LoginDialog />
    </div>
  );
}

/** The sign-in form in a modal dialog. */
function LoginDialog() {
  const t = useT();
  const open = useAppStore((s) => s.loginOpen);
  const setLoginOpen = useAppStore((s) => s.setLoginOpen);
  const signIn = useAppStore((s) => s.signIn);
  const demoAccounts = useAppStore((s) => s.session.demoAccounts);
  const dialog = useRef<HTMLDialogElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      setError(null);
      el.showModal();
    } else if (!open && el.open) el.close();
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const message = await signIn(username.trim(), password);
    setBusy(false);
    if (message) setError(message);
    else setPassword('');
  };

  return (
    <dialog
      ref={dialog}
      className="login-dialog"
      aria-labelledby="login-title"
      onClose={() => setLoginOpen(false)}
      onCancel={() => setLoginOpen(false)}
    >
      <form className="login-dialog__form" onSubmit={(e) => void submit(e)}>
        <h2 id="login-title" className="login-dialog__title">
          {t('account.loginTitle')}
        </h2>
        <label className="login-dialog__field">
          <span>{t('account.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="login-dialog__field">
          <span>{t('account.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="login-dialog__error" role="alert">
            {error}
          </p>
        )}
        {demoAccounts && <p className="login-dialog__hint">{t('account.demoHint')}</p>}
        <div className="login-dialog__actions">
          <button type="button" className="button" onClick={() => setLoginOpen(false)}>
            {t('account.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('account.signingIn') : t('account.login')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
