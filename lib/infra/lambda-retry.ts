import { Duration } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';

/** Transient Lambda service errors every task retries (docs/workflows.md: 3 attempts, ×2 from 2 s, full jitter). */
export const LAMBDA_TRANSIENT_RETRY: sfn.RetryProps = {
  errors: [
    'Lambda.TooManyRequestsException',
    'Lambda.ServiceException',
    'Lambda.SdkClientException',
    'Lambda.AWSLambdaException',
  ],
  maxAttempts: 3,
  backoffRate: 2,
  interval: Duration.seconds(2),
  jitterStrategy: sfn.JitterType.FULL,
};
