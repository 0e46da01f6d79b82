import type { Command } from 'commander';
import {
  ApproveMembershipRequestDocument, KIND_LABELS, MembershipRequestsDocument, RejectMembershipRequestDocument, type MembershipRequestRecordFragment,
  type MembershipRequestStatus,
} from '@bibia/sdk';
import type { CommandContext, CommandRunner } from '../context';
import { invalidInput } from '../errors';
import { asHubAdmin, withAdminToken } from '../hubAdmin';
import { printJson, printRecord, printTable } from '../output';

const STATUS_LABELS: Record<MembershipRequestStatus, string> = { PENDING: 'en attente', APPROVED: 'approuvée', REJECTED: 'refusée' };
const STATUSES = Object.keys(STATUS_LABELS) as MembershipRequestStatus[];

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : null);

function printRequest(ctx: CommandContext, r: MembershipRequestRecordFragment): void {
  printRecord(ctx.io, [
    ['Demande', r.id],
    ['Collectivité', `${r.collectivite.name} (${r.siren})`],
    ['Type', KIND_LABELS[r.collectivite.kind]],
    ['Registre', r.registryUrl],
    ['Contact', [r.contactName, r.contactEmail].filter(Boolean).join(' — ')],
    ['Message', r.message],
    ['État', STATUS_LABELS[r.status]],
    ['Motif', r.decisionReason],
    ['Reçue le', day(r.createdAt)],
    ['Décidée le', day(r.decidedAt)],
  ]);
}

function parseStatuses(value: string): MembershipRequestStatus[] {
  const statuses = value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const unknown = statuses.filter((s) => !STATUSES.includes(s as MembershipRequestStatus));
  if (unknown.length) throw invalidInput(`--status: unknown status ${unknown.join(', ')} (one or more of ${STATUSES.join(', ')})`);
  return statuses as MembershipRequestStatus[];
}

/** `bibia member`: the hub admin's side of joining (docs/joining.md). */
export function registerMember(program: Command, run: CommandRunner): void {
  const member = program
    .command('member')
    .description('Hub admin: requests to join BibIA — list, approve (runs the conformance check), reject. Needs HUB_ADMIN_TOKEN or --admin-token.');

  withAdminToken(member.command('requests').description('List requests to join, newest first (pending ones by default).'))
    .option('--status <statuses>', `comma-separated, among ${STATUSES.join(', ')} (default PENDING)`)
    .option('--all', 'every request, whatever its status')
    .action((o: { status?: string; all?: boolean }, cmd: Command) =>
      run(cmd, async (ctx) => {
        const status = o.all ? null : parseStatuses(o.status ?? 'PENDING');
        const { data } = await asHubAdmin(ctx, cmd, (client) => client.execute(MembershipRequestsDocument, { status }));
        const requests = data.membershipRequests;
        if (ctx.json) return printJson(ctx.io, { requests });
        if (!requests.length) return ctx.io.stdout('No request to join.\n');
        printTable(
          ctx.io,
          ['Id', 'SIREN', 'Collectivité', 'Registre', 'Contact', 'État', 'Reçue le'],
          requests.map((r) => [r.id, r.siren, r.collectivite.name, r.registryUrl, r.contactEmail, STATUS_LABELS[r.status], day(r.createdAt)]),
          [0, 0, 28, 34, 24, 0, 0],
        );
        ctx.io.stdout('\nApprove: bibia member approve <id>    Reject: bibia member reject <id> --reason "…"\n');
      }),
    );

  withAdminToken(member.command('approve').description("Approve a request: the hub checks the registry's conformance, then routes to it.").argument('<id>', 'request id (bibia member requests)'))
    .action((id: string, _o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const { data } = await asHubAdmin(ctx, cmd, (client) => client.execute(ApproveMembershipRequestDocument, { id }));
        const approved = data.approveMembershipRequest;
        if (ctx.json) return printJson(ctx.io, approved);
        printRequest(ctx, approved);
        ctx.io.stdout(`\n${approved.collectivite.name} is a member: the gateway routes to ${approved.collectivite.membership?.registryUrl ?? approved.registryUrl}.\n`);
      }),
    );

  withAdminToken(member.command('reject').description('Reject a request, saying why (the reason is kept with the request).').argument('<id>', 'request id'))
    .requiredOption('--reason <reason>', 'why, 1 to 500 characters')
    .action((id: string, o: { reason: string }, cmd: Command) =>
      run(cmd, async (ctx) => {
        const { data } = await asHubAdmin(ctx, cmd, (client) => client.execute(RejectMembershipRequestDocument, { id, reason: o.reason }));
        if (ctx.json) return printJson(ctx.io, data.rejectMembershipRequest);
        printRequest(ctx, data.rejectMembershipRequest);
      }),
    );
}
