import type { Role } from '@/lib/auth/actor';
import type { Locale } from '@/lib/i18n/config';

declare module 'next-auth' {
  interface User {
    role: Role;
    departmentId: number | null;
    locale: Locale | null;
    sessionVersion: number;
    mustChangePassword: boolean;
    /** Failed sign-ins on the account since the previous sign-in. */
    failedSignIns: number;
  }
  interface Session {
    user: { id: number; role: Role; departmentId: number | null; name?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: number;
    role: Role;
    departmentId: number | null;
    locale: Locale | null;
    /** Must equal users.session_version, or the session is void. */
    sv: number;
    /** Set while a one-time password awaits change; proxy.ts sends the user to /profile. */
    mcp?: boolean;
    /** Failed sign-ins since the previous sign-in, until the first page has told the user (proxy.ts). */
    ff?: number;
  }
}
