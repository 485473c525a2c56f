import { parseNumberRules, ruleHolds, type NumberRule } from './address-rules.js';
import { streetKey } from './street-names.js';

/** One street listing of one area, read into rules. */
export interface StreetListing {
  areaSlug: string;
  areaName: string;
  street: string;
  /** The numbers as the plan lists them. */
  numbers: string;
  rules: NumberRule[];
}

export interface ParsedAddress {
  street: string;
  number: number;
  letter: string;
}

export type Resolution =
  | { area: { slug: string; name: string }; matched: string; address: ParsedAddress }
  | { area: null; matched: null; reason: string; address: ParsedAddress };

export class AddressInputError extends Error {}

const MAX_ADDRESS_LENGTH = 200;

/**
 * Reads `Husarvej 12`, `Husarvej 12B, 1. th., 8930 Randers NØ`, `hermann stillingsvej 14 st. tv` into street, number
 * and letter. The part after the first comma (floor, door, postcode and town) is not needed to find the area.
 */
export function parseAddress(input: string): ParsedAddress {
  if (typeof input !== 'string') throw new AddressInputError('Adressen skal være tekst.');
  const text = input.trim();
  if (text === '') throw new AddressInputError('Adressen er tom.');
  if (text.length > MAX_ADDRESS_LENGTH) throw new AddressInputError(`Adressen må højst være ${MAX_ADDRESS_LENGTH} tegn.`);
  if (/[\u0000-\u001f<>{}\\]/.test(text)) throw new AddressInputError('Adressen indeholder tegn, der ikke kan indgå i en adresse.');
  const beforeComma = text.split(',')[0]!.trim();
  const m = /^(?<street>.*?[\p{L}.][\p{L}\p{N}.'\- ]*?)\s+(?<number>\d{1,4})\s*(?<letter>[a-zA-ZæøåÆØÅ])?(?=$|[\s.,])/u.exec(beforeComma);
  if (!m?.groups) {
    if (!/\d/.test(beforeComma)) throw new AddressInputError(`Adressen «${text}» mangler et husnummer.`);
    throw new AddressInputError(`«${text}» kan ikke læses som en adresse (gadenavn og husnummer, fx «Husarvej 12»).`);
  }
  const street = m.groups.street!.trim();
  if (!/\p{L}{2}/u.test(street)) throw new AddressInputError(`«${text}» har intet gadenavn.`);
  return { street, number: Number(m.groups.number), letter: (m.groups.letter ?? '').toUpperCase() };
}

/** The plan's address lists, indexed by street key, for fast lookups. */
export class AddressResolver {
  private readonly byStreet = new Map<string, StreetListing[]>();

  constructor(listings: readonly Omit<StreetListing, 'rules'>[]) {
    for (const listing of listings) {
      const key = streetKey(listing.street);
      const entry: StreetListing = { ...listing, rules: parseNumberRules(listing.numbers) };
      const list = this.byStreet.get(key) ?? [];
      list.push(entry);
      this.byStreet.set(key, list);
    }
  }

  /** The plan's listings for a street, as the plan writes them (for explaining a miss). */
  listingsFor(street: string): StreetListing[] {
    return this.byStreet.get(streetKey(street)) ?? [];
  }

  /** Every listing, with its rules, in the order given. */
  listings(): StreetListing[] {
    return [...this.byStreet.values()].flat();
  }

  /** Finds the area an address belongs to; null with a Danish reason when it belongs to none. */
  resolve(input: string): Resolution {
    const address = parseAddress(input);
    const listings = this.byStreet.get(streetKey(address.street));
    if (!listings) {
      return { area: null, matched: null, address, reason: `Gaden «${address.street}» findes ikke i planens adresselister.` };
    }
    for (const listing of listings) {
      const rule = listing.rules.find((r) => ruleHolds(r, address.number, address.letter));
      if (rule) {
        return { area: { slug: listing.areaSlug, name: listing.areaName }, matched: `${listing.street} ${rule.text}`, address };
      }
    }
    const shown = `${address.number}${address.letter}`;
    return { area: null, matched: null, address, reason: `${listings[0]!.street} ${shown} ligger uden for planens numre for ${listings[0]!.street}.` };
  }
}
