import { type Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A cdk-nag rule acknowledged with its reason, optionally for specific findings only (`Resource::*`). */
export interface NagAck {
  id: string;
  reason: string;
  appliesTo?: string[];
}

/** Acknowledges cdk-nag findings on a construct and its children (cdk-nag v3: one entry per finding). */
export function acknowledge(scope: IConstruct, acks: NagAck[]): void {
  for (const a of acks) {
    const ids = a.appliesTo?.length ? a.appliesTo.map((f) => `${a.id}[${f}]`) : [a.id];
    Validations.of(scope).acknowledge(...ids.map((id) => ({ id, reason: a.reason })));
  }
}

/** How cdk-nag prints a stack's partition/region/account inside finding ids: the value, or `<AWS::Region>` when unresolved. */
export function nagPseudo(stack: Stack): { partition: string; region: string; account: string } {
  const show = (v: string, name: string) => (Token.isUnresolved(v) ? `<AWS::${name}>` : v);
  return {
    partition: show(stack.partition, 'Partition'),
    region: show(stack.region, 'Region'),
    account: show(stack.account, 'AccountId'),
  };
}
