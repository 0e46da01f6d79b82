-- CreateEnum
CREATE TYPE "CollectiviteSource" AS ENUM ('REFERENCE', 'HUB');

-- CreateEnum
CREATE TYPE "MembershipRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Collectivite" ADD COLUMN     "epciSiren" CHAR(9),
ADD COLUMN     "postalCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "source" "CollectiviteSource" NOT NULL DEFAULT 'HUB';

-- CreateTable
CREATE TABLE "ReferenceDataset" (
    "name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceDataset_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "MembershipRequest" (
    "id" TEXT NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "registryUrl" TEXT NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT NOT NULL,
    "message" TEXT,
    "status" "MembershipRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "MembershipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MembershipRequest_status_createdAt_idx" ON "MembershipRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "MembershipRequest_siren_idx" ON "MembershipRequest"("siren");

-- CreateIndex
CREATE INDEX "Collectivite_cogCode_idx" ON "Collectivite"("cogCode");

-- CreateIndex
CREATE INDEX "Collectivite_postalCodes_idx" ON "Collectivite" USING GIN ("postalCodes");

-- AddForeignKey
ALTER TABLE "MembershipRequest" ADD CONSTRAINT "MembershipRequest_siren_fkey" FOREIGN KEY ("siren") REFERENCES "Collectivite"("siren") ON DELETE CASCADE ON UPDATE CASCADE;
