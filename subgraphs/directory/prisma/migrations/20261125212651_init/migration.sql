-- CreateEnum
CREATE TYPE "CollectiviteKind" AS ENUM ('COMMUNE', 'COMMUNAUTE_DE_COMMUNES', 'COMMUNAUTE_D_AGGLOMERATION', 'COMMUNAUTE_URBAINE', 'METROPOLE', 'DEPARTEMENT', 'REGION', 'SYNDICAT', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'UNREACHABLE');

-- CreateEnum
CREATE TYPE "ProductCategory" AS ENUM ('GENERAL_ASSISTANT', 'LANGUAGE_MODEL', 'SPEECH_TO_TEXT', 'OCR_DOCUMENT', 'TRANSLATION', 'COMPUTER_VISION', 'CHATBOT_PLATFORM', 'DATA_PLATFORM', 'OTHER');

-- CreateEnum
CREATE TYPE "Hosting" AS ENUM ('ON_PREMISES', 'FRENCH_CLOUD', 'EU_CLOUD', 'NON_EU_CLOUD');

-- CreateTable
CREATE TABLE "Collectivite" (
    "siren" CHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "legalCategory" CHAR(4) NOT NULL,
    "kind" "CollectiviteKind" NOT NULL,
    "cogCode" TEXT,
    "departement" TEXT,
    "region" TEXT,
    "population" INTEGER,
    "website" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Collectivite_pkey" PRIMARY KEY ("siren")
);

-- CreateTable
CREATE TABLE "Membership" (
    "siren" CHAR(9) NOT NULL,
    "registryUrl" TEXT NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusReason" TEXT,
    "contractVersion" TEXT NOT NULL,
    "admittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("siren")
);

-- CreateTable
CREATE TABLE "AiProduct" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "vendorName" TEXT NOT NULL,
    "vendorSiren" CHAR(9),
    "category" "ProductCategory" NOT NULL,
    "website" TEXT,
    "openSource" BOOLEAN NOT NULL DEFAULT false,
    "hosting" "Hosting"[],
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiProduct_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Collectivite_sortName_siren_idx" ON "Collectivite"("sortName", "siren");

-- CreateIndex
CREATE INDEX "Collectivite_departement_idx" ON "Collectivite"("departement");

-- CreateIndex
CREATE INDEX "Collectivite_region_idx" ON "Collectivite"("region");

-- CreateIndex
CREATE INDEX "Collectivite_kind_idx" ON "Collectivite"("kind");

-- CreateIndex
CREATE INDEX "Membership_status_idx" ON "Membership"("status");

-- CreateIndex
CREATE INDEX "AiProduct_sortName_id_idx" ON "AiProduct"("sortName", "id");

-- CreateIndex
CREATE INDEX "AiProduct_category_idx" ON "AiProduct"("category");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_siren_fkey" FOREIGN KEY ("siren") REFERENCES "Collectivite"("siren") ON DELETE CASCADE ON UPDATE CASCADE;
