import type { SignedInUser, TenantAccess } from './auth.ts';

declare global {
  namespace Express {
    interface Request {
      /** The signed-in user (session or API token), if any. */
      user?: SignedInUser;
      /** The partnership this request is about, resolved from the URL, with the user's role. */
      tenant?: TenantAccess;
      /** Why an uploaded file was refused before the handler saw it. */
      uploadProblem?: string;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    flash?: string;
    /** A checked file waiting for the user to confirm its import: what it imports, and where to. */
    pendingImport?: { kind: string; target: string; fileName: string; rows: unknown[]; options?: unknown };
  }
}
