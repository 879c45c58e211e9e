-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "addresses" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "emails" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "orderNumbers" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "phones" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tags" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active';

-- CreateTable
CREATE TABLE "CustomerChange" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerSuggestion" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "CustomerSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerChange_customerId_createdAt_idx" ON "CustomerChange"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerSuggestion_customerId_status_idx" ON "CustomerSuggestion"("customerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerSuggestion_customerId_field_value_key" ON "CustomerSuggestion"("customerId", "field", "value");

-- CreateIndex
CREATE INDEX "Customer_updatedAt_idx" ON "Customer"("updatedAt");

-- CreateIndex
CREATE INDEX "Conversation_status_closedAt_idx" ON "Conversation"("status", "closedAt");

-- AddForeignKey
ALTER TABLE "CustomerChange" ADD CONSTRAINT "CustomerChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerSuggestion" ADD CONSTRAINT "CustomerSuggestion_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: existing customers are found by name.
UPDATE "Customer" SET "searchText" = lower(coalesce("displayName", ''));
