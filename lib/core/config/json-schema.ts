import { z } from 'zod';
import { DriftwatchConfigSchema } from './config.ts';

/** JSON Schema (draft 2020-12) of the config as a user writes it: defaulted fields are optional. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DriftwatchConfigSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://driftwatch.dev/schemas/driftwatch.config.schema.json',
    title: 'driftwatch.config.yaml',
  };
}
