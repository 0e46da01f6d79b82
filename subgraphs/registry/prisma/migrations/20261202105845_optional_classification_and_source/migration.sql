-- AlterTable
ALTER TABLE "AiTool" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "sourceExtra" JSONB,
ALTER COLUMN "summary" SET DEFAULT '',
ALTER COLUMN "themes" SET DEFAULT ARRAY[]::"Theme"[],
ALTER COLUMN "status" DROP NOT NULL,
ALTER COLUMN "algorithmType" DROP NOT NULL,
ALTER COLUMN "riskLevel" DROP NOT NULL,
ALTER COLUMN "aiActRole" DROP NOT NULL,
ALTER COLUMN "aiActRole" DROP DEFAULT,
ALTER COLUMN "automationLevel" DROP NOT NULL,
ALTER COLUMN "automationLevel" DROP DEFAULT,
ALTER COLUMN "individualDecisions" DROP NOT NULL,
ALTER COLUMN "individualDecisions" DROP DEFAULT,
ALTER COLUMN "hosting" DROP NOT NULL,
ALTER COLUMN "openSource" DROP NOT NULL,
ALTER COLUMN "openSource" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "AiTool_source_externalId_idx" ON "AiTool"("source", "externalId");
