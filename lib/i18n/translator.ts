import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import type { Locale } from './config';

const messages = { 'zh-CN': zh, en } as const;

/** Translations outside a request (data layer, commands, e-mail), from the same message files. */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale] });
}
