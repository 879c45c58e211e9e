-- CreateTable
CREATE TABLE "SensitiveWordList" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "words" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MessageFlag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT,
    "agentId" TEXT,
    "hits" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "reviewerId" TEXT,
    "reviewNote" TEXT,
    "createdAt" DATETIME NOT NULL,
    "reviewedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "MessageFlag_status_createdAt_idx" ON "MessageFlag"("status", "createdAt");

-- CreateIndex
CREATE INDEX "MessageFlag_agentId_createdAt_idx" ON "MessageFlag"("agentId", "createdAt");
