/** Field-by-field differences between versions of a plan element, for the side-by-side history. */

/** Flattens JSON into paths (`targets[0].min`) and their values as text. */
export function flatten(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    value.forEach((item, i) => flatten(item, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.set(path, '{}');
    for (const [key, item] of entries) flatten(item, path ? `${path}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(path, value === null ? '–' : String(value));
  }
  return out;
}

export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** What changed from one version to the next; references (`ref`) are left out as they do not change meaning. */
export function diffVersions(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => !/(^|\.)ref(\.|$|\[)/.test(p));
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((p) => ({ path: p, before: a.get(p) ?? null, after: b.get(p) ?? null }));
}

/** The rows of a side-by-side table: every path that differs between any two consecutive versions. */
export function historyTable(versions: readonly unknown[]): { path: string; values: (string | null)[]; changedAt: boolean[] }[] {
  const flat = versions.map((v) => flatten(v));
  const changed = new Set<string>();
  for (let i = 1; i < versions.length; i++) for (const c of diffVersions(versions[i - 1], versions[i])) changed.add(c.path);
  return [...changed].map((path) => ({
    path,
    values: flat.map((f) => f.get(path) ?? null),
    changedAt: flat.map((f, i) => i > 0 && f.get(path) !== flat[i - 1]!.get(path)),
  }));
}
