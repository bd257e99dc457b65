import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackUrl('/tasks?status=overdue')).toBe('/tasks?status=overdue');
  });

  it('refuses other origins and loops', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/login', '/api/auth/signout', '', undefined]) {
      expect(safeCallbackUrl(bad)).toBe('/');
    }
  });
});
