// Types of the stemmer modules used (the package types them through "exports" subpaths, which
// this project's CommonJS module resolution does not read).
declare module '@orama/stemmers/*' {
  export function stemmer(word: string): string;
}
