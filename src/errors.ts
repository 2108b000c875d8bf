// Every error the project throws: one base class with a code and a cause, one subclass per boundary.

export type ErrorCode =
  | 'INPUT'
  | 'CONFIG'
  | 'STAGE'
  | 'GRAPH_LOAD'
  | 'STORE_LOCKED'
  | 'STORE_UNAVAILABLE'
  | 'QUERY';

export class NewsGraphError extends Error {
  readonly code: ErrorCode;
  override readonly cause?: unknown;
  constructor(code: ErrorCode, message: string, cause?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.cause = cause;
  }
}

/** A bad input file or record: names the file (and line for JSON Lines) and the reason. */
export class InputError extends NewsGraphError {
  readonly file?: string;
  readonly line?: number;
  constructor(message: string, where: { file?: string; line?: number; cause?: unknown } = {}) {
    super('INPUT', message, where.cause);
    this.file = where.file;
    this.line = where.line;
  }
}

/** A bad option, flag or pipeline configuration. */
export class ConfigError extends NewsGraphError {
  readonly option?: string;
  constructor(message: string, where: { option?: string; cause?: unknown } = {}) {
    super('CONFIG', message, where.cause);
    this.option = where.option;
  }
}

/** A pipeline stage broke an invariant or threw on one article. */
export class StageError extends NewsGraphError {
  readonly stage: string;
  readonly articleId?: string;
  constructor(message: string, where: { stage: string; articleId?: string; cause?: unknown }) {
    super('STAGE', message, where.cause);
    this.stage = where.stage;
    this.articleId = where.articleId;
  }
}

/** Writing to or reading from a store failed. `retriable` mirrors the driver's verdict. */
export class GraphLoadError extends NewsGraphError {
  readonly query?: string;
  readonly retriable: boolean;
  constructor(message: string, where: { query?: string; retriable?: boolean; cause?: unknown } = {}) {
    super('GRAPH_LOAD', message, where.cause);
    this.query = where.query;
    this.retriable = where.retriable ?? false;
  }
}

/** The embedded store is opened read-write by another process. */
export class StoreLockedError extends NewsGraphError {
  readonly path: string;
  constructor(path: string, cause?: unknown) {
    super(
      'STORE_LOCKED',
      `store ${path} is in use by another newsgraph process (locked); wait for it to finish or use another --db`,
      cause,
    );
    this.path = path;
  }
}

/** The Neo4j server cannot be reached or refused the credentials. */
export class StoreUnavailableError extends NewsGraphError {
  constructor(message: string, cause?: unknown) {
    super('STORE_UNAVAILABLE', message, cause);
  }
}

/** A query the user ran is refused or broken: a parameter it names is missing, or it writes in read mode. */
export class QueryError extends NewsGraphError {
  readonly query?: string;
  constructor(message: string, where: { query?: string; cause?: unknown } = {}) {
    super('QUERY', message, where.cause);
    this.query = where.query;
  }
}
