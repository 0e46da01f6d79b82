#!/bin/sh
echo "BibIA does not use Prisma's native schema engine (it would be downloaded). Migrations run through @prisma/schema-engine-wasm: npm run db:migration -- <name>" >&2
exit 1
