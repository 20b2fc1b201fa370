import type { DriftRecord, ScanRecord } from '../core/model/drift-record.ts';
import type { ApprovalStore } from '../core/ports/approval-store.ts';
import type { DriftStore, LifecycleWrite } from '../core/ports/drift-store.ts';
import type { TaskTokenSender } from '../core/ports/task-token-sender.ts';

/** One HTTP request as both hosts (API Gateway, local server) hand it to the router. */
export interface ApiRequest {
  method: string;
  /** Path without query string, still percent-encoded (`/drifts/abc%2F1`). */
  path: string;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  body: string | undefined;
  /** Authenticated caller (IAM ARN, Cognito user, `local:<user>`); absent when anonymous. */
  principal?: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Acknowledgement input the lifecycle takes; `expiresAt` is an ISO UTC time. */
export interface AcknowledgeInput {
  by: string;
  reason: string;
  expiresAt?: string;
}

/** The pure lifecycle transitions the router applies (lib/core/lifecycle), injected so hosts choose. */
export interface LifecycleTransitions {
  acknowledge(record: DriftRecord, input: AcknowledgeInput, now: Date): LifecycleWrite;
  unacknowledge(record: DriftRecord, by: string, now: Date): LifecycleWrite;
}

/** One served request, for host metrics (Powertools EMF in Lambda). */
export interface RequestSample {
  /** Route template (`/drifts/{id}`), or `unmatched`: never the raw path, so cardinality stays bounded. */
  route: string;
  method: string;
  status: number;
  durationMs: number;
}

export interface MetricsSink {
  request(sample: RequestSample): void;
}

export interface RouterDeps {
  store: DriftStore;
  lifecycle: LifecycleTransitions;
  /** Starts a scan (locally: runs it; deployed: starts the state machine) and returns its record. */
  triggerScan(input: { target?: string }): Promise<ScanRecord>;
  now?: () => Date;
  metrics?: MetricsSink;
  /** Remediation approvals; without them the /approvals routes answer 503 not_configured. */
  approvals?: ApprovalStore;
  /** Resumes the waiting remediation workflow on a decision (Step Functions task tokens). */
  tasks?: TaskTokenSender;
}

export interface Router {
  handle(req: ApiRequest): Promise<ApiResponse>;
}
