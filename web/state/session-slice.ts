/** Session slice: who is signed in (null = anonymous) and the sign-in dialog. */
import type { StateCreator } from 'zustand';
import type { SessionUser } from '../../shared/access.js';
import { fetchSession, login, logout } from '../api/session-api.js';
import type { AppState } from './app-store.js';

export interface SessionSlice {
  session: {
    user: SessionUser | null;
    /** 'loading' until GET /api/auth/me answered once. */
    status: 'loading' | 'ready';
    /** Whether to show the demo accounts in the sign-in dialog. */
    demoAccounts: boolean;
  };
  loginOpen: boolean;
  setLoginOpen(open: boolean): void;
  /** Ask the server who is signed in (on start and after a 401). */
  refreshSession(): Promise<void>;
  /** Sign in; resolves to an error message or null on success. */
  signIn(username: string, password: string): Promise<string | null>;
  signOut(): Promise<void>;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: { user: null, status: 'loading', demoAccounts: false },
  loginOpen: false,
  setLoginOpen: (loginOpen) => set({ loginOpen }),
  refreshSession: async () => {
    const { user, demoAccounts = false } = await fetchSession();
    set({ session: { user, status: 'ready', demoAccounts } });
  },
  signIn: async (username, password) => {
    const result = await login(username, password);
    if (!result.ok) return result.message;
    set((s) => ({ session: { ...s.session, user: result.session.user, status: 'ready' }, loginOpen: false }));
    return null;
  },
  signOut: async () => {
    await logout();
    set((s) => ({ session: { ...s.session, user: null, status: 'ready' } }));
  },
});
