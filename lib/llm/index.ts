export * from './json-schema';
export * from './lead-prompt';
export * from './incremental-json';
