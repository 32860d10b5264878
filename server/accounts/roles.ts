/** Who may do what (see README: server). */
export const ROLES = ['secretariat', 'coordinator', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  secretariat: '事務局',
  coordinator: '調整会議・運営会議',
  staff: '相談支援専門員',
  viewer: '閲覧のみ',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface SessionUser {
  userId: string;
  login: string;
  displayName: string;
  role: Role;
}
