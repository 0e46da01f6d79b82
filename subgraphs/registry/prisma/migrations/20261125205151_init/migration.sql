-- CreateEnum
CREATE TYPE "PublicationState" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "Theme" AS ENUM ('ADMINISTRATION', 'CITIZEN_RELATIONS', 'SOCIAL_ACTION', 'HEALTH', 'EDUCATION', 'CHILDHOOD_YOUTH', 'CULTURE_SPORT', 'MOBILITY_TRANSPORT', 'ROADS_PUBLIC_SPACE', 'URBAN_PLANNING', 'HOUSING', 'ENVIRONMENT', 'WASTE', 'WATER_SANITATION', 'ENERGY', 'PUBLIC_SAFETY', 'ECONOMY_EMPLOYMENT', 'TOURISM', 'FINANCE_BUDGET', 'HUMAN_RESOURCES', 'DIGITAL_IT', 'ELECTIONS_CIVIL_STATUS');

-- CreateEnum
CREATE TYPE "ToolStatus" AS ENUM ('PLANNED', 'PILOT', 'OPERATIONAL', 'RETIRED');

-- CreateEnum
CREATE TYPE "AlgorithmType" AS ENUM ('RULE_BASED', 'MACHINE_LEARNING', 'GENERATIVE_LLM', 'HYBRID');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('MINIMAL', 'LIMITED', 'HIGH', 'UNACCEPTABLE');

-- CreateEnum
CREATE TYPE "AiActRole" AS ENUM ('PROVIDER', 'DEPLOYER', 'IMPORTER', 'DISTRIBUTOR');

-- CreateEnum
CREATE TYPE "AutomationLevel" AS ENUM ('INFORMATIVE', 'DECISION_SUPPORT', 'PARTIALLY_AUTOMATED', 'FULLY_AUTOMATED');

-- CreateEnum
CREATE TYPE "Hosting" AS ENUM ('ON_PREMISES', 'FRENCH_CLOUD', 'EU_CLOUD', 'NON_EU_CLOUD');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PARTNERS');

-- CreateTable
CREATE TABLE "Owner" (
    "siren" CHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "departement" TEXT,
    "region" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Owner_pkey" PRIMARY KEY ("siren")
);

-- CreateTable
CREATE TABLE "AiTool" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "state" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT '',
    "department" TEXT NOT NULL DEFAULT '',
    "themes" "Theme"[],
    "status" "ToolStatus" NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "algorithmType" "AlgorithmType" NOT NULL,
    "riskLevel" "RiskLevel" NOT NULL,
    "aiActRole" "AiActRole" NOT NULL DEFAULT 'DEPLOYER',
    "automationLevel" "AutomationLevel" NOT NULL DEFAULT 'DECISION_SUPPORT',
    "individualDecisions" BOOLEAN NOT NULL DEFAULT false,
    "decisionsPerYear" INTEGER,
    "affectedPublic" TEXT NOT NULL DEFAULT '',
    "humanOversight" TEXT NOT NULL DEFAULT '',
    "dataSources" JSONB NOT NULL DEFAULT '[]',
    "legalBasis" TEXT NOT NULL DEFAULT '',
    "impactAssessments" JSONB NOT NULL DEFAULT '[]',
    "hosting" "Hosting" NOT NULL,
    "hostingDetails" TEXT NOT NULL DEFAULT '',
    "providerName" TEXT NOT NULL DEFAULT '',
    "providerSiren" CHAR(9),
    "productId" TEXT,
    "openSource" BOOLEAN NOT NULL DEFAULT false,
    "sourceCodeUrl" TEXT,
    "licence" TEXT,
    "contactEmail" TEXT,
    "websiteUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "pendingDraft" JSONB,

    CONSTRAINT "AiTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiToolVersion" (
    "toolId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "PublicationState" NOT NULL,
    "change" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiToolVersion_pkey" PRIMARY KEY ("toolId","number")
);

-- CreateTable
CREATE TABLE "PracticeReport" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "state" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "title" TEXT NOT NULL,
    "reportDate" DATE NOT NULL,
    "authorRole" TEXT NOT NULL DEFAULT '',
    "context" TEXT NOT NULL DEFAULT '',
    "whatWasDone" TEXT NOT NULL DEFAULT '',
    "results" TEXT NOT NULL DEFAULT '',
    "indicators" JSONB NOT NULL DEFAULT '[]',
    "costs" TEXT NOT NULL DEFAULT '',
    "lessons" TEXT NOT NULL DEFAULT '',
    "ethics" TEXT NOT NULL DEFAULT '',
    "staffConsulted" BOOLEAN NOT NULL DEFAULT false,
    "staffTraining" TEXT NOT NULL DEFAULT '',
    "jobImpact" TEXT NOT NULL DEFAULT '',
    "socialDialogue" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "pendingDraft" JSONB,

    CONSTRAINT "PracticeReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeReportVersion" (
    "reportId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "PublicationState" NOT NULL,
    "change" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeReportVersion_pkey" PRIMARY KEY ("reportId","number")
);

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "seq" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "PublisherToken" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "PublisherToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AiTool_slug_key" ON "AiTool"("slug");

-- CreateIndex
CREATE INDEX "AiTool_state_sortName_id_idx" ON "AiTool"("state", "sortName", "id");

-- CreateIndex
CREATE INDEX "AiTool_state_updatedAt_id_idx" ON "AiTool"("state", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "AiTool_productId_idx" ON "AiTool"("productId");

-- CreateIndex
CREATE INDEX "AiToolVersion_createdAt_idx" ON "AiToolVersion"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeReport_slug_key" ON "PracticeReport"("slug");

-- CreateIndex
CREATE INDEX "PracticeReport_state_sortName_id_idx" ON "PracticeReport"("state", "sortName", "id");

-- CreateIndex
CREATE INDEX "PracticeReport_state_updatedAt_id_idx" ON "PracticeReport"("state", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "PracticeReport_toolId_idx" ON "PracticeReport"("toolId");

-- CreateIndex
CREATE INDEX "PracticeReportVersion_createdAt_idx" ON "PracticeReportVersion"("createdAt");

-- CreateIndex
CREATE INDEX "ChangeEvent_at_seq_idx" ON "ChangeEvent"("at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "PublisherToken_hash_key" ON "PublisherToken"("hash");

-- AddForeignKey
ALTER TABLE "AiToolVersion" ADD CONSTRAINT "AiToolVersion_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "AiTool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeReport" ADD CONSTRAINT "PracticeReport_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "AiTool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeReportVersion" ADD CONSTRAINT "PracticeReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "PracticeReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
