import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const minPasswordLength = 10;
export type PasswordProblem = 'tooShort' | 'containsUsername' | 'common' | 'weak';

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

/** Why a new password is refused, or null when it is strong enough. */
export function passwordProblem(password: string, context: { username: string; displayName?: string }): PasswordProblem | null {
  if (password.length < minPasswordLength) return 'tooShort';
  const lower = password.toLowerCase();
  const username = context.username.trim().toLowerCase();
  if (username.length >= 3 && lower.includes(username)) return 'containsUsername';
  const result = zxcvbn().check(password, [context.username, context.displayName ?? '']);
  const fromCommonList = result.sequence.some(
    (m) => m.pattern === 'dictionary' && m.dictionaryName === 'passwords-common' && m.token.length >= password.length - 2,
  );
  if (fromCommonList) return 'common';
  return result.score < 3 ? 'weak' : null;
}
