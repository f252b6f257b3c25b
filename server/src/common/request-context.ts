import type { Request } from 'express';
import type { Actor } from './actor.js';

/** What the server knows about the request it is answering. */
export interface AppRequest extends Request {
  id: string;
  actor?: Actor;
  rawBody?: Buffer;
}
