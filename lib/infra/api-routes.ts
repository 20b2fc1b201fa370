import type * as apigw from 'aws-cdk-lib/aws-apigateway';

/** Request body JSON Schemas (draft-04, as API Gateway models take them), mirroring lib/api/schemas.ts. */
export const BODY_SCHEMAS: Record<string, apigw.JsonSchema> = {
  Acknowledge: {
    type: 'object' as apigw.JsonSchemaType,
    required: ['reason'],
    additionalProperties: false,
    properties: {
      reason: { type: 'string' as apigw.JsonSchemaType, minLength: 1, maxLength: 2000 },
      expiresAt: { type: 'string' as apigw.JsonSchemaType },
    },
  },
  Decision: {
    type: 'object' as apigw.JsonSchemaType,
    required: ['decision'],
    additionalProperties: false,
    properties: {
      decision: { type: 'string' as apigw.JsonSchemaType, enum: ['approve', 'reject'] },
      comment: { type: 'string' as apigw.JsonSchemaType, maxLength: 2000 },
    },
  },
};

export interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Model name in BODY_SCHEMAS when the body is required and validated at the gateway. */
  body?: keyof typeof BODY_SCHEMAS;
}

/**
 * Every route of lib/api/routes plus the approvals the remediation workflow needs. Optional bodies
 * (POST /scans, /unacknowledge) are left to the router's zod check: API Gateway would refuse an
 * empty body against an object model.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/ready' },
  { method: 'GET', path: '/openapi.json' },
  { method: 'GET', path: '/stats' },
  { method: 'GET', path: '/metrics' },
  { method: 'GET', path: '/drifts' },
  { method: 'GET', path: '/drifts/{id}' },
  { method: 'GET', path: '/drifts/{id}/history' },
  { method: 'POST', path: '/drifts/{id}/acknowledge', body: 'Acknowledge' },
  { method: 'POST', path: '/drifts/{id}/unacknowledge' },
  { method: 'GET', path: '/scans' },
  { method: 'POST', path: '/scans' },
  { method: 'GET', path: '/scans/{id}' },
  { method: 'GET', path: '/approvals' },
  { method: 'GET', path: '/approvals/{id}' },
  { method: 'POST', path: '/approvals/{id}', body: 'Decision' },
];

/** Path parameters of a route template (`/drifts/{id}/history` → `['id']`). */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
