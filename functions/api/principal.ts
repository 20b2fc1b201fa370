import type { APIGatewayProxyEvent } from 'aws-lambda';

/**
 * Who called, as API Gateway authenticated them: the IAM ARN (IAM auth, SigV4) or the Cognito user
 * pool user (`cognito:<username>`, from the authorizer's claims). Undefined when anonymous.
 */
export function principalOf(event: APIGatewayProxyEvent): string | undefined {
  const arn = event.requestContext?.identity?.userArn;
  if (arn) return arn;
  const claims = event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined;
  if (claims && typeof claims === 'object') {
    const user = [claims['cognito:username'], claims.username, claims.sub].find(
      (v): v is string => typeof v === 'string' && v.length > 0,
    );
    if (user) return `cognito:${user}`;
  }
  return undefined;
}
