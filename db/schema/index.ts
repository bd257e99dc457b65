export * from './enums';
export * from './organization';
export * from './conferences';
export * from './tasks';
export * from './system';
export * from './relations';
