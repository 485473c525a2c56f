/**
 * Street names arrive spelled in several ways (`Hermann Stillings Vej`, `Herman Stillingsvej`, `HERMANN
 * STILLINGSVEJ`, `Flintebjerg Alle`, `Noerrebrogade`, `Norrebrogade`). They are compared by a key that ignores case, spacing and
 * punctuation, writes æ/ø/å and accents out, reads common abbreviations alike, and collapses doubled letters.
 */
const WORDS: [RegExp, string][] = [
  [/\bgammel\b/g, 'gl'],
  [/\bgamle\b/g, 'gl'],
  [/\b(sankt|skt)\b/g, 'sct'],
  [/\bst\b(?=\s*\w)/g, 'sct'],
];

export function streetKey(name: string): string {
  let s = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  s = s.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'u');
  for (const [pattern, replacement] of WORDS) s = s.replace(pattern, replacement);
  s = s.replace(/[^a-z0-9]/g, '');
  // ae/oe/aa are how æ/ø/å are written without them, and people also write plain a/o: all read alike.
  s = s.replace(/ae/g, 'a').replace(/oe/g, 'o');
  return s.replace(/(.)\1+/g, '$1');
}
