import { Router } from 'express';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { controlParams, controlRequest } from '../schemas';
import { controlCadence } from '../use-cases/control-cadence';
import { parse } from '../validate';

/** Reps and managers pause, resume, skip a step of, or finish a prospect's running cadence. */
export function cadenceControlRoutes({ db, temporal }: ApiContext): Router {
  const router = Router();
  router.post('/v1/prospects/:id/cadence/:action', requireRole('rep', 'manager', 'admin'), async (req, res) => {
    const { id, action } = parse(controlParams, req.params, 'params');
    const body = parse(controlRequest, req.body, 'body');
    res.json(await controlCadence({ db, temporal }, { prospectId: id, action, caller: principal(req), reason: body.reason }));
  });
  return router;
}
