import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-strength';

const user = { username: 'dept-zhongshan', displayName: '中山区 张伟' };

describe('passwordProblem', () => {
  it('refuses passwords shorter than 10 characters', () => {
    expect(passwordProblem('Xq7#pL2!', user)).toBe('tooShort');
  });

  it('refuses a password containing the username', () => {
    expect(passwordProblem('dept-zhongshan-2026!', user)).toBe('containsUsername');
    expect(passwordProblem('DEPT-ZHONGSHAN#99x', user)).toBe('containsUsername');
  });

  it('refuses passwords from the common-password list', () => {
    expect(passwordProblem('password123', user)).toBe('common');
    expect(passwordProblem('qwertyuiop', user)).toBe('common');
  });

  it('refuses guessable patterns', () => {
    expect(passwordProblem('aaaaaaaaaaaa', user)).not.toBeNull();
    expect(passwordProblem('1234567890', user)).not.toBeNull();
  });

  it('accepts a long unpredictable password', () => {
    expect(passwordProblem('harbour-lantern-97-violet', user)).toBeNull();
    expect(passwordProblem('Tq9!vR2#mW8x', user)).toBeNull();
  });
});
