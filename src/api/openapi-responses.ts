// The responses every operation in /api/v1/openapi.json documents. Routes declare request
// schemas only (a response schema would also drive fastify's serializer, which drops any field
// it does not list); the description still says what comes back: the problem+json body of every
// refusal, with its field-level issues and request id, and the idempotent replay of case intake.
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const PROBLEM = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://redress.dev/problems/validation' },
    title: { type: 'string', example: 'Some fields are not valid.' },
    status: { type: 'integer', example: 422 },
    code: {
      type: 'string',
      description: 'Stable machine-readable reason (validation, forbidden, not_found, …).',
    },
    detail: { type: 'string' },
    issues: {
      type: 'array',
      description: 'One entry per field at fault.',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', example: 'customer.contacts.0.value' },
          message: { type: 'string', example: 'Not a valid email address.' },
        },
      },
    },
    requestId: { type: 'string', description: 'Also sent as the x-request-id header.' },
  },
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: PROBLEM } },
});

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: {} } },
});

const REFUSALS = {
  '4XX': problem(
    'Refused: bad input (400/422, with field-level issues), not signed in (401), not allowed ' +
      '(403), not found (404), in conflict with the case’s state (409) or too many requests ' +
      '(429, with Retry-After).',
  ),
  '5XX': problem(
    'Not done: the database is unreachable or restarting (503, with Retry-After; nothing was ' +
      'half-written), or an unexpected error (500).',
  ),
};

/** The success responses of one operation. */
function successes(method: string, url: string): Record<string, unknown> {
  if (method === 'POST' && url === '/api/v1/cases') {
    return {
      201: json('The new case (its reference is in the Location header).'),
      200: json('A retry with an Idempotency-Key already used: the case the first request made.'),
    };
  }
  return {
    '2XX': json('Done: 200 with the result, 201 when something was created, 204 with no body.'),
  };
}

/** jsonSchemaTransform, plus the documented responses of every operation not hidden. */
export const transformWithResponses: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const schema = out.schema as Record<string, unknown> & { hide?: boolean };
  if (schema.hide || schema.response) return out;
  const method = String(
    Array.isArray(input.route.method) ? input.route.method[0] : input.route.method,
  );
  return {
    ...out,
    schema: { ...schema, response: { ...successes(method, out.url), ...REFUSALS } },
  };
};
