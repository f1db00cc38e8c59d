// Staff fetch a case's portal link to paste into a reply or read out on the phone.
import { findCase } from '../cases/case.repo.ts';
import { authorize, type Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { portalSecret, type PortalConfig } from './portal-secret.ts';
import { defaultExpiry, portalToken, portalUrl } from './portal-token.rules.ts';

export async function getPortalLink(ctx: Ctx, caseId: string, config: PortalConfig = {}) {
  authorize(ctx, 'case.read');
  const db = ctx.database.db;
  const row = await findCase(db, caseId);
  if (!row) throw notFound(`Case ${caseId}`);
  const expiresAt = defaultExpiry(ctx.now());
  const token = portalToken(await portalSecret(db, config), row.id, expiresAt);
  return {
    caseId: row.id,
    reference: row.reference,
    token,
    path: `/portal/${token}`,
    url: config.publicUrl ? portalUrl(config.publicUrl, token) : null,
    expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
  };
}
