import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { Id, type FieldError } from '@honglin/shared';
import { AppError } from './app-error.js';

z.config(z.locales.zhCN());

// Schemas travel wrapped under `zod`: Nest takes an argument with a `transform` method (as zod schemas
// have) for a pipe, and `{schema}` for its own Standard Schema validation with its own error shape.
const bodyParam = createParamDecorator((data: { zod: z.ZodType }, ctx: ExecutionContext) =>
  parseOrThrow(data.zod, ctx.switchToHttp().getRequest<Request>().body ?? {}),
);
const queryParam = createParamDecorator((data: { zod: z.ZodType }, ctx: ExecutionContext) =>
  parseOrThrow(data.zod, { ...(ctx.switchToHttp().getRequest<Request>().query as object) }),
);

/**
 * The request body parsed by a shared zod schema (400 VALIDATION_FAILED listing each field
 * otherwise); the same schema documents the route in the OpenAPI document.
 */
export function Input(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    bodyParam({ zod: schema })(target, key, index);
    ApiBody({ schema: jsonSchema(schema) as never })(target, key!, Object.getOwnPropertyDescriptor(target, key!)!);
  };
}

/** The query string parsed by a shared zod object schema, each field documented as a query parameter. */
export function QueryInput(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    queryParam({ zod: schema })(target, key, index);
    const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      ApiQuery({ name, required: !field.safeParse(undefined).success, schema: jsonSchema(field) as never })(target, key!, descriptor);
    }
  };
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return { type: 'object' };
  }
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '(body)'),
    message: issue.message,
  }));
  throw new AppError('VALIDATION_FAILED', fields);
}

/** Route ids are random; anything else cannot name a resource, so it is simply not found. */
export class IdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!Id.safeParse(value).success) throw AppError.notFound();
    return value as string;
  }
}
