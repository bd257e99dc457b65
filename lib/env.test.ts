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

  it('wants a sender with SMTP_URL and a secret of some length for the reminders route', () => {
    expect(() => parseEnv({ SMTP_URL: 'smtp://mail.city.example:587' })).toThrow(/MAIL_FROM: is required when SMTP_URL is set/);
    expect(parseEnv({ SMTP_URL: 'smtps://u:p@mail.city.example', MAIL_FROM: 'Docket <docket@city.example>' })).toMatchObject({ MAIL_FROM: 'Docket <docket@city.example>' });
    expect(() => parseEnv({ SMTP_URL: 'mail.city.example' })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ REMINDER_SECRET: 'short' })).toThrow(/REMINDER_SECRET/);
    expect(parseEnv({ DUE_SOON_DAYS: '5', LAG_MARGIN_PERCENT: '10' })).toMatchObject({ DUE_SOON_DAYS: 5, LAG_MARGIN_PERCENT: 10 });
  });

  it('logs statements slower than half a second unless SLOW_QUERY_MS says otherwise, and knows the log levels', () => {
    expect(parseEnv({}).SLOW_QUERY_MS).toBe(500);
    expect(parseEnv({ SLOW_QUERY_MS: '200', LOG_LEVEL: 'warn' })).toMatchObject({ SLOW_QUERY_MS: 200, LOG_LEVEL: 'warn' });
    expect(() => parseEnv({ SLOW_QUERY_MS: '-1' })).toThrow(/SLOW_QUERY_MS/);
    expect(() => parseEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('trusts no proxy by default and reads TRUSTED_PROXIES as addresses and CIDR ranges', () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: ' 10.0.0.5, 172.16.0.0/12 ,fd00::/8,::1 ' }).TRUSTED_PROXIES).toEqual(['10.0.0.5', '172.16.0.0/12', 'fd00::/8', '::1']);
    expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.5, proxy.local' })).toThrow(/TRUSTED_PROXIES.*proxy\.local is not an IP address or CIDR range/);
    expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ TRUSTED_PROXIES: 'fd00::/129' })).toThrow(/TRUSTED_PROXIES/);
  });
});
