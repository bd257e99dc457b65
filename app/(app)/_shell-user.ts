import 'server-only';

export type ShellUser = {
  name: string;
  /** The user's department or district; leaders and IT staff may have none. */
  department: string | null;
};

/**
 * The signed-in user shown in the top bar. Sign-in (issue #3) fills this from the
 * session; until then it returns null and the top bar shows nobody.
 */
export async function getShellUser(): Promise<ShellUser | null> {
  return null;
}
