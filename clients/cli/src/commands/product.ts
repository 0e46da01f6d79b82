import type { Command } from 'commander';
import { HOSTING_LABELS, PRODUCT_CATEGORY_LABELS } from '@bibia/sdk';
import type { CommandRunner } from '../context';
import { notFound } from '../errors';
import { printJson, printRecord, printTable, warnUnavailable } from '../output';
import { riskText, statusText } from '../format';
import { collectiviteText } from './search';

export function registerProduct(program: Command, run: CommandRunner): void {
  program
    .command('product')
    .description('Show a product of the shared catalogue and which collectivités use it.')
    .argument('<id>', 'product id, e.g. albert')
    .action((id: string, _o, cmd: Command) =>
      run(cmd, async (ctx) => {
        const { data, unavailableMembers } = await ctx.client.aiProduct({ id: id.trim() });
        warnUnavailable(ctx.io, unavailableMembers);
        const p = data.aiProduct;
        if (!p) throw notFound(`no product with id ${id} in the shared catalogue`);
        if (ctx.json) return printJson(ctx.io, { product: p, unavailableMembers });
        printRecord(ctx.io, [
          ['Nom', p.name],
          ['Id', p.id],
          ['Éditeur', `${p.vendor.name}${p.vendor.siren ? ` (SIREN ${p.vendor.siren})` : ''}`],
          ['Catégorie', PRODUCT_CATEGORY_LABELS[p.category]],
          ['Logiciel libre', p.openSource],
          ['Hébergements possibles', p.hosting.map((h) => HOSTING_LABELS[h]).join(', ')],
          ['Site', p.website],
          ['Description', p.description],
        ]);
        const owners = new Set(p.deployments.map((d) => d.collectivite.siren));
        ctx.io.stdout(`\nUtilisé par ${owners.size} collectivité${owners.size > 1 ? 's' : ''} (${p.deployments.length} outil${p.deployments.length > 1 ? 's' : ''})\n`);
        if (p.deployments.length) {
          printTable(
            ctx.io,
            ['Collectivité', 'Outil', 'Id', 'Statut', 'Risque'],
            p.deployments.map((d) => [collectiviteText(d.collectivite), d.name, d.id, statusText(d.status), riskText(d.riskLevel)]),
            [26, 30, 0, 0, 0],
          );
        }
      }),
    );
}
