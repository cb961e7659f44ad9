import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router, type Response } from 'express';
import { REP_PAGE_CSP, REP_PAGE_SCRIPT_PATH, renderRepPage } from '../rep-page/page';

/**
 * The rep's approval page (`GET /app`) and its script. Neither carries data, so neither needs a token:
 * the script asks for one and calls the JSON API with it, under the same authentication as any client.
 */
export function repPageRoutes(): Router {
  const router = Router();
  const html = renderRepPage();
  const script = readFileSync(join(__dirname, '..', 'rep-page', 'client.js'), 'utf8');

  const common = (res: Response) => {
    res.set({
      'Content-Security-Policy': REP_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
  };

  // Non-strict routing: this also answers /app/.
  router.get('/app', (_req, res) => {
    common(res);
    res.type('html').send(html);
  });
  router.get(REP_PAGE_SCRIPT_PATH, (_req, res) => {
    common(res);
    res.type('text/javascript').send(script);
  });
  return router;
}
