import { FastifyInstance } from 'fastify';

/**
 * The content security policy of every page the service serves (Swagger UI at /docs now, the web app
 * at / soon): scripts only from the service itself, never inline; inline styles allowed (Swagger UI
 * sets them). Given to @fastify/helmet without `upgrade-insecure-requests`: that directive is added per
 * request, see upgradeInsecureRequestsOverHttps.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: true,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    upgradeInsecureRequests: null,
  },
};

/**
 * `upgrade-insecure-requests` only on responses to https requests. Sent over plain http (the docker
 * compose stack on a LAN address, a host without TLS) it makes the browser fetch every script and
 * stylesheet over https, which is not served, and the page stays blank. Fastify's `request.protocol`
 * is https for a TLS connection, or for X-Forwarded-Proto: https from a trusted proxy (TRUST_PROXY).
 */
export function upgradeInsecureRequestsOverHttps(server: FastifyInstance): void {
  server.addHook('onSend', async (request, reply, payload) => {
    const policy = reply.getHeader('content-security-policy');
    if (request.protocol === 'https' && typeof policy === 'string') {
      void reply.header('content-security-policy', `${policy};upgrade-insecure-requests`);
    }
    return payload;
  });
}
