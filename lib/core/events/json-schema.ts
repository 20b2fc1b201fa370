import { z } from 'zod';
import { DETAIL_SCHEMAS, DETAIL_TYPES, type DetailType } from './event-union.ts';

/** JSON Schema (draft 2020-12) of one event detail type, as consumers receive it (`detail`). */
export function detailJsonSchema(type: DetailType): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DETAIL_SCHEMAS[type], { io: 'output' }),
    $id: `https://driftwatch.dev/schemas/events/${type}.schema.json`,
    title: `driftwatch ${type} detail (source "driftwatch", detail-type "${type}")`,
  };
}

/** File name → text of every committed event schema (schemas/events/). */
export function eventSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    DETAIL_TYPES.map((t) => [`${t}.schema.json`, `${JSON.stringify(detailJsonSchema(t), null, 2)}\n`]),
  );
}
