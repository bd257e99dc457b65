import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zhCN from '../../messages/zh-CN.json';
import { locales, type Locale } from './config';

const catalogues: Record<Locale, unknown> = { 'zh-CN': zhCN, en };

/** Every leaf as `a.b.c` → text; a non-string leaf is reported by the caller. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/**
 * The argument names of an ICU message: `{name}`, `{n, number}` and the arguments inside
 * plural/select branches (`{count, plural, one {# task} other {# tasks}}`), but not the
 * branch texts themselves. Apostrophe escaping is not used in Docket's messages.
 */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;

  function readMessage(untilBrace: boolean): void {
    while (i < message.length) {
      const ch = message[i];
      if (ch === '}' && untilBrace) return;
      if (ch === '{') {
        i++;
        readArgument();
      } else {
        i++;
      }
    }
  }

  function readArgument(): void {
    const end = message.slice(i).search(/[,}]/);
    if (end < 0) throw new SyntaxError(`Unclosed argument in "${message}"`);
    names.add(message.slice(i, i + end).trim());
    i += end;
    if (message[i] === '}') {
      i++;
      return;
    }
    // `, type` or `, type, style-or-branches`
    i++;
    const typeEnd = message.slice(i).search(/[,}]/);
    const type = message.slice(i, i + typeEnd).trim();
    i += typeEnd;
    if (message[i] === '}') {
      i++;
      return;
    }
    i++;
    if (type === 'plural' || type === 'select' || type === 'selectordinal') {
      // branches: `key {message} key {message} … }`
      while (i < message.length && message[i] !== '}') {
        if (message[i] === '{') {
          i++;
          readMessage(true);
          i++; // the branch's closing brace
        } else {
          i++;
        }
      }
      i++;
      return;
    }
    const close = message.indexOf('}', i);
    if (close < 0) throw new SyntaxError(`Unclosed argument in "${message}"`);
    i = close + 1;
  }

  readMessage(false);
  return [...names].sort();
}

describe('icuArguments', () => {
  it('finds simple, typed and nested arguments but not branch text', () => {
    expect(icuArguments('Hello {name}')).toEqual(['name']);
    expect(icuArguments('{n, number} of {total, number, integer}')).toEqual(['n', 'total']);
    expect(icuArguments('{count, plural, one {# task for {dept}} other {Tasks}}')).toEqual(['count', 'dept']);
    expect(icuArguments('{role, select, leader {Leader} other {Staff}}')).toEqual(['role']);
    expect(icuArguments('没有参数')).toEqual([]);
  });
});

describe('message catalogues', () => {
  const flat = Object.fromEntries(locales.map((l) => [l, flatten(catalogues[l])])) as Record<
    Locale,
    Map<string, unknown>
  >;
  const [reference, ...others] = locales;

  it.each(others)('%s has exactly the keys of the reference catalogue', (locale) => {
    expect([...flat[locale].keys()].sort()).toEqual([...flat[reference].keys()].sort());
  });

  it.each(locales)('%s has only non-empty strings', (locale) => {
    for (const [key, value] of flat[locale]) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
    }
  });

  it.each(others)('%s uses the same ICU arguments as the reference, key by key', (locale) => {
    for (const [key, value] of flat[reference]) {
      const other = flat[locale].get(key);
      if (typeof value !== 'string' || typeof other !== 'string') continue;
      expect(icuArguments(other), key).toEqual(icuArguments(value));
    }
  });

  it('names every locale in its own language, identically in every catalogue', () => {
    for (const locale of locales) {
      for (const named of locales) {
        expect(flat[locale].get(`locale.names.${named}`)).toBe(flat[reference].get(`locale.names.${named}`));
      }
    }
  });
});

/** The glossary's rows: meaning, key, zh-CN, en, words ruled out (`; `-separated). */
function glossaryRows() {
  const text = fs.readFileSync(path.join(__dirname, '../../messages/GLOSSARY.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => /^\| [^-]/.test(line) && line.includes('`'))
    .map((line) => {
      const [, key, zh, enText, not] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { key: key!.replaceAll('`', ''), 'zh-CN': zh!, en: enText!, not: not ? not.split('; ') : [] };
    });
}

describe('the glossary (messages/GLOSSARY.md)', () => {
  const rows = glossaryRows();

  it('lists the traffic-light words', () => {
    expect(rows.map((row) => row.key)).toEqual(expect.arrayContaining(['trafficLight.label', 'trafficLight.none']));
  });

  it.each(locales)('%s: each meaning reads as the glossary says, and no other message uses a word ruled out', (locale) => {
    const messages = flatten(catalogues[locale]);
    for (const row of rows) expect(messages.get(row.key), row.key).toBe(row[locale]);
    const ruledOut = new Set(rows.flatMap((row) => row.not));
    const offenders = [...messages].filter(([, text]) => typeof text === 'string' && ruledOut.has(text)).map(([key]) => key);
    expect(offenders).toEqual([]);
  });

  it('keeps words for the light in one place: no other key names a light', () => {
    for (const locale of locales) {
      const keys = [...flatten(catalogues[locale]).keys()].filter((key) => /light/i.test(key) && !key.startsWith('trafficLight.'));
      expect(keys).toEqual([]);
    }
  });
});
