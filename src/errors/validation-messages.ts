import type { ErrorObject } from 'ajv';
import type { FieldError } from './errors.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'et tal',
  integer: 'et helt tal',
  boolean: 'sand eller falsk (true/false)',
  object: 'et objekt',
  array: 'en liste',
  null: 'null',
};

function fieldOf(error: ErrorObject, part: string): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return path ? `${path}.${missing}` : missing;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return path ? `${path}.${extra}` : extra;
  }
  return path || part;
}

/** Turns one schema violation into a Danish sentence a person can act on. */
function messageOf(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'Feltet skal udfyldes.';
    case 'additionalProperties':
      return 'Feltet er ukendt og kan ikke modtages.';
    case 'type': {
      const wanted = String(p.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' eller ');
      return `Værdien skal være ${wanted}.`;
    }
    case 'minLength':
      return Number(p.limit) === 1 ? 'Feltet må ikke være tomt.' : `Skal være mindst ${p.limit} tegn.`;
    case 'maxLength':
      return `Må højst være ${p.limit} tegn.`;
    case 'minimum':
      return `Skal være mindst ${p.limit}.`;
    case 'maximum':
      return `Må højst være ${p.limit}.`;
    case 'minItems':
      return `Skal have mindst ${p.limit} element${Number(p.limit) === 1 ? '' : 'er'}.`;
    case 'maxItems':
      return `Må højst have ${p.limit} elementer.`;
    case 'enum':
      return `Skal være en af: ${(p.allowedValues as unknown[]).map((v) => `«${String(v)}»`).join(', ')}.`;
    case 'const':
      return `Skal være «${String(p.allowedValue)}».`;
    case 'format':
      if (p.format === 'email') return 'Skal være en gyldig e-mailadresse.';
      if (p.format === 'date') return 'Skal være en dato som ÅÅÅÅ-MM-DD.';
      if (p.format === 'date-time') return 'Skal være et tidspunkt i ISO 8601 med tidszone, fx 2026-03-01T10:00:00+01:00.';
      if (p.format === 'uuid') return 'Skal være et gyldigt id.';
      return `Har ikke det rigtige format (${String(p.format)}).`;
    case 'pattern':
      return 'Har ikke det rigtige format.';
    default:
      return 'Værdien er ugyldig.';
  }
}

const PART_NAMES: Record<string, string> = { body: 'indholdet', querystring: 'forespørgslen', params: 'adressen', headers: 'headerne' };

/** Translates a schema validation failure into field errors, one per field (the first problem of each). */
export function translateValidation(errors: readonly ErrorObject[], part: string): FieldError[] {
  const byField = new Map<string, string>();
  for (const error of errors) {
    const field = fieldOf(error, PART_NAMES[part] ?? part);
    if (!byField.has(field)) byField.set(field, messageOf(error));
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}
