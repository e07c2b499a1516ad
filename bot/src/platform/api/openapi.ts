import { z } from 'zod';
import type { ApiRouter, RegisteredRoute } from './api-router';

type JsonSchema = Record<string, unknown>;

/**
 * An OpenAPI 3.1 description of every route the router has, generated from the routes' own
 * schemas (zod 4's JSON Schema output is draft 2020-12, which OpenAPI 3.1 uses as is). Built on
 * each request, so routes other features register later appear too.
 */
export function openApiDocument(routes: readonly RegisteredRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const pathParameters = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const operation: Record<string, unknown> = {
      summary: route.summary,
      operationId: operationId(route),
      'x-access': route.access,
      parameters: [...pathParameters, ...queryParameters(route.query)],
      responses: responses(route),
      ...(route.access === 'public' ? { security: [] } : { security: [{ teamsSso: [] }] }),
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body) } },
      };
    }
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Digiverkosto tab API',
      version,
      description:
        "The Teams tab's API. Sign in with the Teams SSO token (`Authorization: Bearer`). 401 means no valid sign-in, 403 a tenant outside the network or a coordinator-only route. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        teamsSso: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An Entra ID access token for the app (scope access_as_user), as Teams SSO issues it.',
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
          },
          required: ['type', 'title', 'status'],
        },
      },
    },
    paths,
  };
}

export function registerOpenApiRoute(router: ApiRouter, version: string): void {
  router.add({
    method: 'get',
    path: '/api/openapi.json',
    access: 'public',
    summary: 'This API described in OpenAPI 3.1',
    handle: () => Promise.resolve({ status: 200, body: openApiDocument(router.routes, version) }),
  });
}

function toSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function queryParameters(schema: z.ZodType | undefined): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name) && !('default' in property),
    schema: property,
  }));
}

function operationId(route: RegisteredRoute): string {
  const words = route.path
    .replace(/\.[a-z]+$/i, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '' && word !== 'api');
  return [route.method, ...words].map((word, index) => (index === 0 ? word : capitalise(word))).join('');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function responses(route: RegisteredRoute): Record<string, unknown> {
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  const result: Record<string, unknown> = { '200': { description: 'OK' } };
  if (route.body || route.query) result['400'] = problem('The body or query is not valid');
  if (route.access !== 'public') {
    result['401'] = problem('Not signed in, or the token is not valid');
    result['403'] = problem(
      route.access === 'coordinator'
        ? 'Not a coordinator, or the tenant is not part of the network'
        : 'The tenant is not part of the network',
    );
  }
  if (route.path.includes(':')) result['404'] = problem('Not found');
  // Routes that guard against lost updates say so in their summary.
  if (/If-Match/.test(route.summary)) {
    result['412'] = problem('Changed by someone else since the ETag was read');
    result['428'] = problem('If-Match is required');
  }
  result['500'] = problem('Something went wrong on the server');
  return result;
}
