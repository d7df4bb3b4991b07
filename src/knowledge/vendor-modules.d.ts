// Minimal typings for two small text packages that ship none.

declare module "snowball-stemmers" {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}

declare module "stopword" {
  export const nld: string[];
  export const eng: string[];
  export const ara: string[];
  export const tur: string[];
  export const pol: string[];
  export const ukr: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
