import { Type, type TSchema } from '@sinclair/typebox';

/** A value of the schema, or null (an absent date, an unlinked member …), with an optional description. */
export function Nullable<T extends TSchema>(schema: T, description?: string) {
  return Type.Union([schema, Type.Null()], description ? { description } : {});
}
