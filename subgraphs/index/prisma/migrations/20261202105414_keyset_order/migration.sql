-- Both orders of the contract compare in byte order ("C"): NAME by ("sortName", id), RECENT by
-- ("updatedAt" DESC, id), see reading/keyset.ts. An index the planner can use for these ORDER BY
-- needs the same collation, which Prisma cannot write: the COLLATE clauses below are added by
-- hand (Prisma's diff ignores collations, so schema.prisma and the migrations still agree).
-- With them a page reads its 21 index entries instead of sorting every matching row.

-- DropIndex
DROP INDEX "IndexedTool_sortName_id_idx";

-- DropIndex
DROP INDEX "IndexedTool_updatedAt_id_idx";

-- DropIndex
DROP INDEX "IndexedReport_updatedAt_id_idx";

-- CreateIndex
CREATE INDEX "IndexedTool_sortName_id_idx" ON "IndexedTool"("sortName" COLLATE "C", "id" COLLATE "C");

-- CreateIndex
CREATE INDEX "IndexedTool_updatedAt_id_idx" ON "IndexedTool"("updatedAt" DESC, "id" COLLATE "C");

-- CreateIndex
CREATE INDEX "IndexedReport_sortName_id_idx" ON "IndexedReport"("sortName" COLLATE "C", "id" COLLATE "C");

-- CreateIndex
CREATE INDEX "IndexedReport_updatedAt_id_idx" ON "IndexedReport"("updatedAt" DESC, "id" COLLATE "C");

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);
