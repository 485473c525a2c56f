/** Reads HTML form fields (which arrive as text, or as a list when a name repeats) without trusting their shape. */
export type FormBody = Record<string, unknown>;

export function formText(body: unknown, name: string): string {
  const value = (body as FormBody | undefined)?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function formList(body: unknown, name: string): string[] {
  const value = (body as FormBody | undefined)?.[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
