// Liveness (`/ping`, no I/O) and readiness (`/health`, the database answers and is migrated).
import { Router } from 'express';

export function healthRoutes(
  check: () => Promise<{ database: 'ok' | string; pendingMigrations: number }>,
): Router {
  const router = Router();
  router.get('/ping', (_req, res) => {
    res.type('text/plain').send('pong');
  });
  router.get('/health', async (_req, res) => {
    try {
      const result = await check();
      const healthy = result.database === 'ok' && result.pendingMigrations === 0;
      res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'unavailable', ...result });
    } catch (error) {
      res
        .status(503)
        .json({ status: 'unavailable', database: (error as Error).message, pendingMigrations: -1 });
    }
  });
  return router;
}
