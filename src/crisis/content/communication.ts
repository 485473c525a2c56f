/**
 * What the beredskabsplan says about communication (the chapter «Håndtering af omverdenen» and the crisis group's
 * duties, OCR lines 3474-3530 of the Randers 2025-29 plan): whom to involve when the press calls, and the rules the
 * communication plan of an incident is suggested from.
 *
 * The press contacts' names and phone numbers are demo data taken from the plan: they seed a plan's press contacts
 * once (press-contacts.ts) and are then edited and deleted by the secretariat. No logic reads them from here.
 */
import type { PlanRef } from '../../plan/content/types.js';

/** One press contact as the plan lists it. */
export interface PressContactSeed {
  organisation: string;
  position: string;
  name: string;
  phone: string;
  ref: PlanRef;
}

/** «Ved kontakt til pressen inddrages:» (lines 3522-3529), in the plan's order. */
const randersPressContacts: PressContactSeed[] = [
  {
    organisation: 'Randers Kommune',
    position: 'Bestyrelsesformand for den boligsociale helhedsplan og direktør for Udvikling, Miljø og Teknik',
    name: 'Jens Heslop',
    phone: '29 13 69 59',
    ref: { lines: [3524, 3525] },
  },
  {
    organisation: 'Østjyllands Politi',
    position: 'Vicepolitiinspektør',
    name: 'Mads F. Villesen',
    phone: '93 50 01 70',
    ref: { lines: [3527, 3527] },
  },
  {
    organisation: 'Lejerbo',
    position: 'Forretningsfører',
    name: 'Pia Hesselvig',
    phone: '38121466',
    ref: { lines: [3528, 3528] },
  },
  {
    organisation: 'RandersBolig',
    position: 'Direktør/forretningsfører',
    name: 'Kenneth Hansen',
    phone: '50814778',
    ref: { lines: [3529, 3529] },
  },
];

/** The press contacts each plan starts with, by the plan's slug; a plan not listed starts with none. */
export const PRESS_CONTACT_SEEDS: Readonly<Record<string, readonly PressContactSeed[]>> = {
  'randers-2025-29': randersPressContacts,
};
