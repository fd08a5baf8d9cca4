// natural's package entry loads every module (and prints dotenv noise); these deep imports load only what we use.
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl' {
  const stemmer: { stem(word: string): string };
  export = stemmer;
}

declare module 'natural/lib/natural/util/stopwords_nl' {
  export const words: string[];
}
