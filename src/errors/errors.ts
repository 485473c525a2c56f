/**
 * One error hierarchy. Services throw these; the global handler turns them into a Danish JSON error or an error page.
 * Anything else is an unknown error and becomes a plain 500 with a correlation id, never internals.
 */

export interface FieldError {
  /** The field's name or JSON path (`email`, `roles[1]`). */
  field: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly statusCode: number;
  abstract readonly code: string;
}

export class ValidationError extends AppError {
  readonly statusCode = 400;
  readonly code = 'validering';
  constructor(readonly fields: FieldError[], message = 'Der er fejl i de indsendte oplysninger.') {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  readonly statusCode = 401;
  readonly code = 'ikke_logget_ind';
  constructor(message = 'Du skal være logget ind.') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly statusCode = 403;
  readonly code = 'ingen_adgang';
  constructor(message = 'Du har ikke adgang til dette.') {
    super(message);
  }
}

export class CsrfError extends AppError {
  readonly statusCode = 403;
  readonly code = 'csrf';
  constructor(message = 'Formularen er udløbet eller kom ikke fra Helhed. Genindlæs siden, og prøv igen.') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly statusCode = 404;
  readonly code = 'findes_ikke';
  constructor(message = 'Det, du leder efter, findes ikke.') {
    super(message);
  }
}

export class ConflictError extends AppError {
  readonly statusCode = 409;
  readonly code = 'konflikt';
  constructor(message: string, readonly fields: FieldError[] = []) {
    super(message);
  }
}

export class TooManyRequestsError extends AppError {
  readonly statusCode = 429;
  readonly code = 'for_mange_forsoeg';
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

export class InvalidCredentialsError extends AppError {
  readonly statusCode = 401;
  readonly code = 'forkert_login';
  constructor(message = 'E-mailadressen eller adgangskoden er forkert.') {
    super(message);
  }
}
