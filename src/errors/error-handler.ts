import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorPage, NotFoundPage } from '../web/error-pages.js';
import { pageContext, sendPage } from '../web/page.js';
import { AppError, ConflictError, TooManyRequestsError, ValidationError, type FieldError } from './errors.js';
import { translateValidation } from './validation-messages.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[]; reference?: string };
}

/** API clients get JSON; browsers get a page. */
export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/healthz';
}

const HEADINGS: Record<number, string> = {
  400: 'Forespørgslen kan ikke behandles',
  401: 'Du skal logge ind',
  403: 'Du har ikke adgang',
  404: 'Siden findes ikke',
  409: 'Konflikt',
  413: 'For meget indhold',
  415: 'Formatet understøttes ikke',
  429: 'For mange forsøg',
  500: 'Der opstod en fejl',
};

/** Danish messages for the framework's own client errors (malformed JSON, too large bodies, wrong content type). */
function frameworkClientError(error: FastifyError): { status: number; code: string; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'for_stort', message: 'Indholdet er for stort. Det største tilladte er 1 MB.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'indholdstype', message: `Indholdstypen «${error.message.match(/: (.*)$/)?.[1] ?? 'ukendt'}» understøttes ikke. Send JSON (application/json).` };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'tomt_indhold', message: 'Indholdet er tomt, men der skal sendes et JSON-objekt.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'ugyldig_json', message: 'Indholdet er ikke gyldig JSON.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'ugyldig_laengde', message: 'Content-Length passer ikke med indholdet.' };
    default:
      if (error instanceof SyntaxError) return { status: 400, code: 'ugyldig_json', message: 'Indholdet er ikke gyldig JSON.' };
      return { status: error.statusCode ?? 400, code: 'ugyldig_forespoergsel', message: 'Forespørgslen er ugyldig.' };
  }
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  if (wantsJson(request)) return reply.code(status).type('application/json; charset=utf-8').send(body);
  const ctx = pageContext(request, reply);
  return sendPage(
    reply,
    ErrorPage({ ctx, status, heading: HEADINGS[status] ?? HEADINGS[400]!, message: body.error.message, ...(body.error.reference ? { reference: body.error.reference } : {}) }),
    status,
  );
}

/**
 * The one place errors become responses. Known errors carry their status and a Danish message; schema failures list
 * the offending fields; anything unknown is logged with the request id and answered with a plain 500 and that id.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      const fields = error instanceof ValidationError || error instanceof ConflictError ? error.fields : undefined;
      return send(request, reply, error.statusCode, { error: { code: error.code, message: error.message, ...(fields && fields.length > 0 ? { fields } : {}) } });
    }
    if (error.validation) {
      const fields = translateValidation(error.validation as never, error.validationContext ?? 'body');
      return send(request, reply, 400, { error: { code: 'validering', message: 'Der er fejl i de indsendte oplysninger.', fields } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = frameworkClientError(error);
      return send(request, reply, known.status, { error: { code: known.code, message: known.message } });
    }
    request.log.error({ err: error, reference: request.id }, 'unexpected error');
    return send(request, reply, 500, {
      error: { code: 'intern_fejl', message: 'Der opstod en uventet fejl. Prøv igen om lidt.', reference: String(request.id) },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) {
      return reply.code(404).send({ error: { code: 'findes_ikke', message: `Adressen ${request.method} ${request.url.split('?')[0]} findes ikke.` } });
    }
    return sendPage(reply, NotFoundPage({ ctx: pageContext(request, reply) }), 404);
  });
}
