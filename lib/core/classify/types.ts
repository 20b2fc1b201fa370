import type { Severity } from '../model/drift.ts';
import type { Provider } from '../model/provider.ts';

/** One attribute change to classify; values arrive already normalized (sensitive ones as "(sensitive)"). */
export interface ChangeInput {
  provider: Provider;
  type: string;
  kind: 'changed';
  path: string;
  desired: unknown;
  actual: unknown;
  sensitive?: boolean;
}

/** A row of the classification table: the first row whose `when` holds decides the category. */
export interface ClassifyRule {
  category: string;
  severity: Severity;
  /** Every given condition must hold; `paths` holds when any of its patterns matches. */
  when: { paths?: RegExp[]; types?: RegExp; providers?: Provider[] };
  /** Raises (or sets) the severity for this particular change, e.g. critical when access opens. */
  escalate?: (change: ChangeInput) => Severity | null;
}

/** What classification yields for a change or a whole drift. */
export interface Classification {
  category: string;
  severity: Severity;
}
