import type { Express, RequestHandler } from 'express';
import { match } from 'path-to-regexp';
import { HttpError } from './errors';

interface RouteLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

interface KnownPath {
  matches: (path: string) => boolean;
  methods: Set<string>;
}

/** Every route the app serves, with its methods (routers mounted at the root, as `createApp` mounts them). */
function knownPaths(stack: RouteLayer[], into: Map<string, Set<string>> = new Map()): Map<string, Set<string>> {
  for (const layer of stack) {
    if (layer.route) {
      for (const path of [layer.route.path].flat()) {
        const methods = into.get(path) ?? new Set<string>();
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') methods.add(method.toUpperCase());
        into.set(path, methods);
      }
    } else if (layer.handle?.stack) {
      knownPaths(layer.handle.stack, into);
    }
  }
  return into;
}

/**
 * A method the path does not serve is 405 with `Allow` (RFC 9110 §15.5.6), before authentication: what a path
 * accepts is public in the OpenAPI document anyway. Express answers HEAD from GET itself; OPTIONS is answered
 * here with the same `Allow`, since no route declares it. A path no route serves falls through to the 404.
 */
export function methodNotAllowed(app: Express): RequestHandler {
  let table: KnownPath[] | null = null;
  const build = (): KnownPath[] =>
    [...knownPaths((app as unknown as { router: { stack: RouteLayer[] } }).router.stack)].map(([path, methods]) => {
      if (methods.has('GET')) methods.add('HEAD');
      const test = match(path, { decode: false });
      return { matches: (p: string) => test(p) !== false, methods };
    });
  return (req, res, next) => {
    table ??= build();
    const allowed = new Set<string>();
    for (const known of table) if (known.matches(req.path)) for (const m of known.methods) allowed.add(m);
    if (allowed.size === 0 || allowed.has(req.method)) return next();
    const allow = [...allowed].sort().join(', ');
    res.setHeader('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next(new HttpError(405, 'method-not-allowed', `${req.method} is not allowed on ${req.path}; allowed: ${allow}`, { allow: [...allowed].sort() }));
  };
}
