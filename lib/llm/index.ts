export * from './json-schema';
export * from './lead-prompt';
