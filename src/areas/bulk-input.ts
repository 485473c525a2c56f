/**
 * Reads a list of addresses for bulk resolving: a JSON array, plain text with one address per line, or CSV with a
 * header row (the column named by `column`, else `adresse` or `address`). Separators `;` and `,` and quoted fields
 * with "" escapes are read as spreadsheets write them.
 */
import type { FieldError } from '../errors/errors.js';

export const MAX_BULK_ADDRESSES = 200_000;

export type BulkInput = { ok: true; addresses: string[] } | { ok: false; errors: FieldError[] };

function splitCsvLine(line: string, separator: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

export function readPlainText(text: string): BulkInput {
  const addresses = lines(text).map((l) => l.trim()).filter((l) => l !== '');
  if (addresses.length > MAX_BULK_ADDRESSES) return { ok: false, errors: [{ field: 'body', message: `Højst ${MAX_BULK_ADDRESSES} adresser ad gangen.` }] };
  return { ok: true, addresses };
}

export function readCsv(text: string, column?: string): BulkInput {
  const rows = lines(text);
  while (rows.length > 0 && rows[rows.length - 1]!.trim() === '') rows.pop();
  const header = rows[0];
  if (header === undefined || header.trim() === '') return { ok: false, errors: [{ field: 'body', message: 'CSV-filen er tom; første række skal være overskrifter.' }] };
  const separator = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const names = splitCsvLine(header, separator)?.map((n) => n.trim().toLowerCase()) ?? [];
  const wanted = column?.trim().toLowerCase();
  const index = wanted ? names.indexOf(wanted) : names.findIndex((n) => n === 'adresse' || n === 'address');
  if (index < 0) {
    return { ok: false, errors: [{ field: 'column', message: wanted ? `CSV-filen har ingen kolonne «${column}». Kolonner: ${names.join(', ')}.` : `CSV-filen skal have en kolonne «adresse» (eller angiv ?column=…). Kolonner: ${names.join(', ')}.` }] };
  }
  if (rows.length - 1 > MAX_BULK_ADDRESSES) return { ok: false, errors: [{ field: 'body', message: `Højst ${MAX_BULK_ADDRESSES} adresser ad gangen.` }] };
  const addresses: string[] = [];
  const errors: FieldError[] = [];
  for (let r = 1; r < rows.length; r++) {
    const fields = splitCsvLine(rows[r]!, separator);
    if (!fields) errors.push({ field: `række ${r + 1}`, message: 'Et citationstegn lukkes ikke.' });
    else addresses.push((fields[index] ?? '').trim());
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, addresses };
}
