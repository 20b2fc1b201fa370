import { type HclParser, parseHcl } from './hcl-text.ts';
import { literalAttributes, type Scalar } from './literal-attributes.ts';

/**
 * Reads a `-backend-config=FILE` file (`*.tfbackend`, `backend.hcl`): `key = value` lines in HCL.
 * Literal attributes only; credentials are dropped like in backend blocks.
 */
export function parseBackendConfigFile(text: string, file: string, hcl: HclParser): Record<string, Scalar> {
  return literalAttributes(parseHcl(hcl, text, file));
}
