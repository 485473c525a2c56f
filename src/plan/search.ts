/** Finding activities, indicators, areas and streets by words, regardless of case, accents and æ/ø/å spellings. */

export interface SearchEntry {
  kind: 'activity' | 'indicator' | 'area' | 'street' | 'intervention-area' | 'goal' | 'sub-goal' | 'body';
  title: string;
  /** Text searched besides the title. */
  text: string;
  url: string;
  /** A short line shown under the title. */
  context: string;
}

export interface SearchHit extends SearchEntry {
  score: number;
}

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/aa/g, 'a')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Prepared extends SearchEntry {
  foldedTitle: string;
  foldedText: string;
}

export class SearchIndex {
  private readonly entries: Prepared[];

  constructor(entries: readonly SearchEntry[]) {
    this.entries = entries.map((e) => ({ ...e, foldedTitle: fold(e.title), foldedText: fold(`${e.title} ${e.context} ${e.text}`) }));
  }

  /** Entries holding every word of the query; title matches first. */
  search(query: string, limit = 50): SearchHit[] {
    const words = fold(query).split(' ').filter((w) => w.length > 0);
    if (words.length === 0) return [];
    const hits: SearchHit[] = [];
    for (const e of this.entries) {
      if (!words.every((w) => e.foldedText.includes(w))) continue;
      let score = 0;
      for (const w of words) {
        if (e.foldedTitle.startsWith(w)) score += 4;
        else if (e.foldedTitle.includes(w)) score += 2;
        else score += 1;
      }
      if (e.kind === 'street') score -= 0.5;
      const { foldedTitle: _t, foldedText: _x, ...entry } = e;
      hits.push({ ...entry, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'da')).slice(0, limit);
  }
}
