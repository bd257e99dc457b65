import type { Locale } from './config';
import type messages from '../../messages/zh-CN.json';

// Types every `t('…')` call against the real message keys, so a typo fails `tsc`.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
