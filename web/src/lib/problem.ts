// RFC 9457 problem+json as the server sends it, with the field errors of a 400/422.
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? `http_${problem.status}`;
    this.errors = problem.errors ?? [];
    this.retryAfter = retryAfter;
  }

  static async from(res: Response): Promise<ApiError> {
    let problem: Problem = { status: res.status };
    try {
      const body = (await res.json()) as Partial<Problem>;
      if (body && typeof body === 'object') problem = { ...body, status: res.status };
    } catch {
      // Not JSON (a proxy's page, a dropped connection): status alone.
    }
    const retry = Number(res.headers.get('Retry-After'));
    return new ApiError(problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
}

/** A network failure (server unreachable), distinct from an HTTP error answer. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}
