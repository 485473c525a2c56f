import type { Compilable, CompiledQuery, Kysely } from 'kysely';

const SENTINEL = '\u0000helhed-arg-';

/**
 * A query that runs on every request is built and compiled once per database and then only given new parameters.
 * Kysely otherwise builds and compiles it anew each time, which was a tenth of the cost of a signed-in page. The
 * query is built with marker values in place of the arguments; markers in the compiled parameters are replaced
 * by the real arguments on each call. Only plain values may be passed as arguments.
 */
export function compiledOnce<DB, A extends readonly (string | number)[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): (db: Kysely<DB>, ...args: A) => Promise<R[]> {
  const cache = new WeakMap<Kysely<DB>, CompiledQuery<R>>();
  return async (db, ...args) => {
    let compiled = cache.get(db);
    if (!compiled) {
      const markers = args.map((_, i) => `${SENTINEL}${i}`) as unknown as A;
      compiled = build(db, ...markers).compile();
      cache.set(db, compiled);
    }
    const parameters = compiled.parameters.map((p) =>
      typeof p === 'string' && p.startsWith(SENTINEL) ? args[Number(p.slice(SENTINEL.length))] : p,
    );
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
