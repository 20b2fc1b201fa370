/** One segment of a rule (between unescaped dots): literal text runs, `null` where a `*` stands. */
export type Segment = ReadonlyArray<string | null>;

/** A parsed ignore line with its patterns compiled once. */
export interface IgnoreRule {
  source: string;
  line: number;
  text: string;
  negate: boolean;
  segments: readonly Segment[];
  /** prefix[k] matches segments [0, k) joined by dots (a type or an address); `*` = any characters. */
  prefix: readonly RegExp[];
  /** id[k] matches segment k alone (an id); `*` = any characters, dots included. */
  id: readonly RegExp[];
  /** path[k] matches segments [k, n) as a prefix of an attribute path; `*` = within one path segment. */
  path: readonly RegExp[];
}

/** An ignore file, rules in file order (later lines win). */
export interface IgnoreRules {
  source: string;
  rules: readonly IgnoreRule[];
}

/** What ignore rules look at in a drift. */
export interface IgnoreTarget {
  /** Terraform type (changed/missing) or native type (unmanaged). */
  type: string;
  id: string;
  address: string | null;
  /** Native type of the live item, when known. */
  nativeType?: string;
  /** Terraform type(s) of an unmanaged item's native type, when known (passed by the caller). */
  terraformTypes?: readonly string[];
}
