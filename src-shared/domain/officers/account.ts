import { z } from 'zod';
import type { Credential } from './credential';

export const officerRoles = ['officer', 'supervisor', 'technician'] as const;
export type OfficerRole = (typeof officerRoles)[number];

export const usernameSchema = z.string().regex(/^[a-z0-9._]{3,32}$/);

/** One person's account at this kiosk: Centers give each officer their own, never a shared login. */
export type OfficerAccount = {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: OfficerRole;
  readonly credential: Credential;
  readonly active: boolean;
  readonly failedAttempts: number;
  /** Epoch ms; the account refuses sign-in until then. */
  readonly lockedUntil: number;
  readonly createdAt: number;
  readonly updatedAt: number;
};

/** The view of an account the UI may hold: never the credential. */
export type OfficerProfile = Pick<OfficerAccount, 'id' | 'username' | 'displayName' | 'role' | 'active'>;

export const profileOf = (account: OfficerAccount): OfficerProfile => ({
  id: account.id,
  username: account.username,
  displayName: account.displayName,
  role: account.role,
  active: account.active,
});

export const roleLabels: Readonly<Record<OfficerRole, { vi: string; en: string }>> = {
  officer: { vi: 'Cán bộ tiếp nhận', en: 'Counter officer' },
  supervisor: { vi: 'Cán bộ phụ trách', en: 'Supervisor' },
  technician: { vi: 'Kỹ thuật viên', en: 'Technician' },
};
