import type { Command } from 'commander';
import {
  IssuePartnerCredentialDocument, PartnerCredentialsDocument, RevokePartnerCredentialDocument, type PartnerRecordFragment,
} from '@bibia/sdk';
import type { CommandContext, CommandRunner } from '../context';
import { asHubAdmin, withAdminToken } from '../hubAdmin';
import { positiveIntOption } from '../options';
import { printJson, printRecord, printTable } from '../output';
import { terminalText } from '../format';

/** Longest lifetime the hub grants a partner credential, in days. */
const MAX_DAYS = 1095;

const STATUS_LABELS: Record<PartnerRecordFragment['status'], string> = { ACTIVE: 'active', EXPIRED: 'expirée', REVOKED: 'révoquée' };

const date = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : null);

function printPartner(ctx: CommandContext, p: PartnerRecordFragment): void {
  printRecord(ctx.io, [
    ['Id', p.id],
    ['Nom', p.name],
    ['Organisation', p.organisation],
    ['Contact', p.contactEmail],
    ['État', STATUS_LABELS[p.status]],
    ['Émise le', date(p.createdAt)],
    ['Expire le', date(p.expiresAt)],
    ['Révoquée le', date(p.revokedAt)],
  ]);
}

export function registerPartner(program: Command, run: CommandRunner): void {
  const partner = program
    .command('partner')
    .description('Hub admin: issue, list and revoke partner credentials (needs HUB_ADMIN_TOKEN or --admin-token). A partner reads with --token <credential>.');

  withAdminToken(partner.command('issue').description('Issue a partner credential, shown once.'))
    .requiredOption('--name <name>', 'who holds it, e.g. "Observatoire des données publiques"')
    .option('--organisation <organisation>', 'their organisation')
    .option('--email <email>', 'contact e-mail address (kept by the hub)')
    .option('--expires-in-days <n>', `lifetime, 1 to ${MAX_DAYS} days (default 365)`, positiveIntOption('--expires-in-days', MAX_DAYS))
    .action((o: { name: string; organisation?: string; email?: string; expiresInDays?: number }, cmd: Command) =>
      run(cmd, async (ctx) => {
        const input = { name: o.name, organisation: o.organisation, contactEmail: o.email, expiresInDays: o.expiresInDays };
        const { data } = await asHubAdmin(ctx, cmd, (client) => client.execute(IssuePartnerCredentialDocument, { input }));
        const issued = data.issuePartnerCredential;
        if (ctx.json) return printJson(ctx.io, issued);
        printPartner(ctx, issued.partner);
        ctx.io.stdout(`\nCredential (copy it now: it is not stored and will not be shown again):\n\n  ${terminalText(issued.credential)}\n\nThe partner reads with: bibia --token <credential> …  (or Authorization: Bearer <credential>)\n`);
      }),
    );

  withAdminToken(partner.command('list').description('List partners and the state of their credential (never the credentials).')).action((_o, cmd: Command) =>
    run(cmd, async (ctx) => {
      const { data } = await asHubAdmin(ctx, cmd, (client) => client.execute(PartnerCredentialsDocument, {}));
      const partners = data.partnerCredentials;
      if (ctx.json) return printJson(ctx.io, { partners });
      if (!partners.length) return ctx.io.stdout('No partner yet: bibia partner issue --name "…"\n');
      printTable(
        ctx.io,
        ['Id', 'Nom', 'Organisation', 'État', 'Expire le'],
        partners.map((p) => [p.id, p.name, p.organisation, STATUS_LABELS[p.status], date(p.expiresAt)]),
        [0, 30, 24, 0, 0],
      );
    }),
  );

  withAdminToken(partner.command('revoke').description('Revoke a partner credential: the gateway and every member refuse it within a minute.').argument('<id>', 'partner id (see bibia partner list)')).action(
    (id: string, _o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const { data } = await asHubAdmin(ctx, cmd, (client) => client.execute(RevokePartnerCredentialDocument, { id: id.trim() }));
        if (ctx.json) return printJson(ctx.io, data.revokePartnerCredential);
        printPartner(ctx, data.revokePartnerCredential);
        ctx.io.stdout('Revoked: the gateway and the members refuse it within a minute.\n');
      }),
  );
}
