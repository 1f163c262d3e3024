export * from './schema';
export * from './filter';
export * from './store';
export * from './export';
export * from './record';
