import { Router } from 'express';
import { principal, requireRole } from '../auth';
import type { ApiContext } from '../context';
import { enrollRequest } from '../schemas';
import { enrollProspect } from '../use-cases/enroll';
import { parse } from '../validate';

export function enrollmentRoutes(ctx: ApiContext): Router {
  const router = Router();

  // The owner is the one given, else the calling rep, else whoever the routing rules pick (422 no-owner
  // when none matches). A prospect in a running cadence is 409 already-enrolled; one whose last cadence
  // ended less than 30 days ago is 409 cooldown, with the date it ends.
  router.post('/v1/enrollments', requireRole('rep', 'manager', 'admin', 'integration'), async (req, res) => {
    const body = parse(enrollRequest, req.body, 'body');
    const caller = principal(req);
    const result = await enrollProspect(ctx, {
      cadenceId: body.cadenceId,
      ownerId: body.ownerId ?? (caller.role === 'rep' ? caller.userId : undefined),
      prospect: body.prospect,
      account: body.account,
      requestedBy: `user:${caller.userId}`,
    });
    res.status(201).json(result);
  });

  return router;
}
