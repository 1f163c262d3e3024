export * from './schema';
export * from './filter';
export * from './export';
export * from './record';
