import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies defaults for an empty environment', () => {
    expect(parseEnv({})).toMatchObject({ DATA_DIR: './data', PORT: 3000, UPLOAD_MAX_MB: 20, SESSION_MAX_AGE_HOURS: 8 });
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' })).toMatchObject({ DATABASE_URL: undefined, PORT: 3000 });
  });

  it('names every malformed variable', () => {
    const error = (() => {
      try {
        parseEnv({ DATABASE_URL: 'mysql://x', PORT: 'eighty' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(/DATABASE_URL/);
    expect((error as Error).message).toMatch(/PORT/);
  });
});
