import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type Approval, ApprovalSchema, type ApprovalStatus } from '../../../core/remediation/approval.ts';

// Approvals share the drift table (docs/data-model.md) under their own partition key prefix, and
// reuse two of its overloaded indexes with prefixes no drift, event or scan item uses.
export const approvalPk = (id: string) => `APPROVAL#${id}`;
export const APPROVAL_SK = 'APPROVAL';
/** gsi1: approvals by status, newest first. */
export const statusPartition = (s: ApprovalStatus) => `APPROVALS#STATUS#${s}`;
/** gsi2: approvals of one drift, newest first. */
export const driftPartition = (driftId: string) => `APPROVALS#DRIFT#${driftId}`;
export const timeSk = (a: Pick<Approval, 'requestedAt' | 'id'>) => `${a.requestedAt}#${a.id}`;

export type Item = Record<string, AttributeValue>;

/** The DynamoDB item of an approval: every field a native attribute, plus its keys. */
export function approvalItem(a: Approval): Item {
  const item: Item = {
    pk: { S: approvalPk(a.id) },
    sk: { S: APPROVAL_SK },
    itemType: { S: 'approval' },
    gsi1pk: { S: statusPartition(a.status) },
    gsi1sk: { S: timeSk(a) },
    gsi2pk: { S: driftPartition(a.driftId) },
    gsi2sk: { S: timeSk(a) },
  };
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    item[k] = typeof v === 'boolean' ? { BOOL: v } : { S: String(v) };
  }
  return item;
}

const KEYS = new Set(['pk', 'sk', 'itemType', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);

/** The approval of an item, checked by its schema. */
export function approvalFrom(item: Item): Approval {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (KEYS.has(k)) continue;
    o[k] = v.BOOL !== undefined ? v.BOOL : v.S;
  }
  return ApprovalSchema.parse(o);
}
