export interface AuditActor {
  id: string;
  username: string;
  viaToken?: boolean;
}

/** Who asked, from where; taken from the HTTP request by the controller layer. */
export interface RequestMeta {
  requestId?: string;
  ip?: string;
  userAgent?: string;
}

export interface AuditRecord {
  actor?: AuditActor | null;
  action: string;
  target?: { type: string; id?: string; name?: string; cluster?: string; namespace?: string };
  result: 'allowed' | 'denied' | 'error' | 'success' | 'failure';
  status?: number;
  request?: RequestMeta;
  /** Never secrets or passwords: callers pass field names, not values, for sensitive changes. */
  details?: Record<string, unknown>;
}
