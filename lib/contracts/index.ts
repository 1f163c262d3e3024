export * from './lead';
export * from './profile';
export * from './classification';
export * from './conversation';
export * from './scrape';
export * from './issues';
export * from './api';
