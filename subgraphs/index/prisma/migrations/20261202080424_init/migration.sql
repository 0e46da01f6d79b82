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
CREATE TABLE "HarvestState" (
    "siren" CHAR(9) NOT NULL,
    "registryUrl" TEXT NOT NULL,
    "departement" TEXT,
    "region" TEXT,
    "feedCursor" TEXT,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "needsResync" BOOLEAN NOT NULL DEFAULT true,
    "lastAttemptAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "nextHarvestAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "resyncCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HarvestState_pkey" PRIMARY KEY ("siren")
);

-- CreateTable
CREATE TABLE "IndexedTool" (
    "id" TEXT NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "slug" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "themes" "Theme"[],
    "status" "ToolStatus" NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "algorithmType" "AlgorithmType" NOT NULL,
    "riskLevel" "RiskLevel" NOT NULL,
    "aiActRole" "AiActRole" NOT NULL,
    "automationLevel" "AutomationLevel" NOT NULL,
    "individualDecisions" BOOLEAN NOT NULL,
    "decisionsPerYear" INTEGER,
    "affectedPublic" TEXT NOT NULL,
    "humanOversight" TEXT NOT NULL,
    "dataSources" JSONB NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "impactAssessments" JSONB NOT NULL,
    "hosting" "Hosting" NOT NULL,
    "hostingDetails" TEXT NOT NULL,
    "providerName" TEXT NOT NULL,
    "providerSiren" CHAR(9),
    "productId" TEXT,
    "openSource" BOOLEAN NOT NULL,
    "sourceCodeUrl" TEXT,
    "licence" TEXT,
    "contactEmail" TEXT,
    "websiteUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL,
    "harvestedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector,

    CONSTRAINT "IndexedTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexedReport" (
    "id" TEXT NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "slug" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reportDate" DATE NOT NULL,
    "authorRole" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL,
    "context" TEXT NOT NULL,
    "whatWasDone" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "indicators" JSONB NOT NULL,
    "costs" TEXT NOT NULL,
    "lessons" TEXT NOT NULL,
    "ethics" TEXT NOT NULL,
    "staffConsulted" BOOLEAN NOT NULL,
    "staffTraining" TEXT NOT NULL,
    "jobImpact" TEXT NOT NULL,
    "socialDialogue" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL,
    "harvestedAt" TIMESTAMP(3) NOT NULL,
    "search" tsvector,

    CONSTRAINT "IndexedReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HarvestState_nextHarvestAt_idx" ON "HarvestState"("nextHarvestAt");

-- CreateIndex
CREATE INDEX "IndexedTool_sortName_id_idx" ON "IndexedTool"("sortName", "id");

-- CreateIndex
CREATE INDEX "IndexedTool_updatedAt_id_idx" ON "IndexedTool"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "IndexedTool_siren_idx" ON "IndexedTool"("siren");

-- CreateIndex
CREATE INDEX "IndexedTool_productId_idx" ON "IndexedTool"("productId");

-- CreateIndex
CREATE INDEX "IndexedTool_search_idx" ON "IndexedTool" USING GIN ("search");

-- CreateIndex
CREATE INDEX "IndexedReport_updatedAt_id_idx" ON "IndexedReport"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "IndexedReport_siren_idx" ON "IndexedReport"("siren");

-- CreateIndex
CREATE INDEX "IndexedReport_toolId_idx" ON "IndexedReport"("toolId");

-- CreateIndex
CREATE INDEX "IndexedReport_search_idx" ON "IndexedReport" USING GIN ("search");
