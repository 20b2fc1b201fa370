import { getPath } from '../../core/diff/path.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT, type Absent, type LiveResource } from '../../core/model/live-resource.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { cidrNormalizer } from '../../core/normalize/aws/cidr.ts';
import {
  type CanonicalSgRule,
  canonicalRules,
  canonicalRulesOf,
  sameRuleIgnoringDescription,
} from '../../core/normalize/aws/security-group-rules.ts';
import { attr, awsScope, conf, identitiesFrom } from './common.ts';

/** How one standalone rule type spells its fields. */
export interface SgRuleSpec {
  terraformTypes: string[];
  isEgress: (res: StateResource) => boolean;
  /** Fields that say which traffic (protocol, ports). */
  matchFields: string[];
  /** Source fields, each compared on its own: present in the live group or not. */
  sourceFields: string[];
}

function liveRules(live: LiveResource, res: StateResource, egress: boolean): CanonicalSgRule[] | Absent {
  const perms = conf(egress ? 'ipPermissionsEgress' : 'ipPermissions')(live);
  if (perms === ABSENT) return ABSENT;
  return canonicalRules(perms ?? [], attr(res, 'security_group_id'));
}

/** The canonical rule for one source value of the desired rule, or undefined. */
function canonicalFor(res: StateResource, spec: SgRuleSpec, field: string, value: unknown) {
  const obj: Record<string, unknown> = {};
  for (const f of spec.matchFields) obj[f] = res.attributes[f];
  obj[field] = value;
  return canonicalRulesOf(obj, attr(res, 'security_group_id'))[0];
}

function isPresent(live: CanonicalSgRule[], want: CanonicalSgRule | undefined): boolean {
  return want !== undefined && live.some((l) => sameRuleIgnoringDescription(l, want));
}

function sourceRule(spec: SgRuleSpec, field: string): AttributeRule {
  return {
    path: field,
    desired: (res) => {
      const v = getPath(res.attributes, field);
      if (field === 'self') return v === true || v === 'true' ? true : undefined;
      return v;
    },
    // The desired values that the live group has (same protocol, ports and source); a missing rule
    // reads as an empty list, null or false.
    actual: (live, res) => {
      const rules = liveRules(live, res, spec.isEgress(res));
      if (rules === ABSENT) return ABSENT;
      const v = getPath(res.attributes, field);
      if (Array.isArray(v))
        return v.filter((item) => isPresent(rules, canonicalFor(res, spec, field, [item])));
      const found = isPresent(rules, canonicalFor(res, spec, field, v));
      if (field === 'self') return found;
      return found ? v : null;
    },
    normalize: [cidrNormalizer],
    compare: 'set',
  };
}

const descriptionRule = (spec: SgRuleSpec): AttributeRule => ({
  path: 'description',
  actual: (live, res) => {
    const rules = liveRules(live, res, spec.isEgress(res));
    if (rules === ABSENT) return ABSENT;
    for (const field of spec.sourceFields) {
      const v = getPath(res.attributes, field);
      const values = Array.isArray(v) ? v : v === undefined || v === null || v === false ? [] : [v];
      for (const value of values) {
        const want = canonicalFor(res, spec, field, Array.isArray(v) ? [value] : value);
        const match = want && rules.find((l) => sameRuleIgnoringDescription(l, want));
        if (match) return match.description ?? null;
      }
    }
    return ABSENT; // the rule itself is absent: reported through its source fields
  },
});

/** A standalone rule resource as a facet of its security group: its rule must be in the live group. */
export function sgRuleFacet(spec: SgRuleSpec): ResourceMapping {
  return {
    provider: 'aws',
    terraformTypes: spec.terraformTypes,
    nativeTypes: ['AWS::EC2::SecurityGroup'],
    role: 'facet',
    identities: (res) => identitiesFrom(attr(res, 'security_group_id')),
    scope: (res) => awsScope(res),
    attributes: [...spec.sourceFields.map((f) => sourceRule(spec, f)), descriptionRule(spec)],
  };
}
