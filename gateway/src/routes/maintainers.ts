import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../errors.ts';

/**
 * The guard of the maintainers' routes (`/api/admin/...`): only a session the identity provider
 * vouched for as `maintainer`, acting for nobody, passes. A citizen's session is refused with a 403
 * (and the answer is sent); null means the request may go on.
 */
export function refuseCitizens(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  const identity = request.identity;
  if (!identity) throw new Error('a private route ran without the guard');
  if (identity.session.role === 'maintainer' && identity.session.actingFor === null) return null;
  return sendError(reply, 403, 'forbidden', 'This page is for the portal’s maintainers.');
}
