-- CreateTable
CREATE TABLE "SensitiveWordList" (
    "id" INTEGER NOT NULL,
    "words" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SensitiveWordList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageFlag" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT,
    "agentId" TEXT,
    "hits" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reviewerId" TEXT,
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "MessageFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MessageFlag_status_createdAt_idx" ON "MessageFlag"("status", "createdAt");

-- CreateIndex
CREATE INDEX "MessageFlag_agentId_createdAt_idx" ON "MessageFlag"("agentId", "createdAt");
