import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Paths the API owns: an unknown one under these stays a JSON 404, never the web app's index.html. */
const API_PREFIXES = ['/api', '/docs', '/health'];

/** Vite names built files by their content hash, so they can be cached for a year. */
const HASHED_ASSETS = '/assets/';

/**
 * Serves the built web app (`dist/web`) at `/`: its files as they are, and `index.html` for every other
 * GET that is an app route (`/beheer/gebruikers`), so a reload or a shared link opens the right page.
 * index.html itself is never cached, so a new build reaches users on their next visit.
 */
export async function serveWebApp(app: NestFastifyApplication, root: string): Promise<void> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(`No web app in ${root} (run npm run build): / answers 404`);
    return;
  }
  const indexHtml = readFileSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per built file (they do not change while the process runs); the app routes below.
    wildcard: false,
    index: false,
    // @fastify/static would otherwise write its own `public, max-age=0` after setHeaders ran.
    cacheControl: false,
    setHeaders: (reply, path) => {
      const hashed = path.startsWith(join(root, HASHED_ASSETS.slice(1)));
      reply.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (!isAppRoute(path)) return reply.callNotFound();
    return sendIndex(reply);
  });
}

/** An app route is a page of the web app: not the API's, not a missing file (which must stay a 404). */
export function isAppRoute(path: string): boolean {
  if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`)))
    return false;
  if (path.startsWith(HASHED_ASSETS)) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !/\.[A-Za-z0-9]{1,8}$/.test(last);
}
