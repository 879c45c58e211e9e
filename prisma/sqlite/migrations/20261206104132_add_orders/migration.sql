-- CreateTable
CREATE TABLE "StoreOrder" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "phone" TEXT,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "details" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "OrderChat" (
    "conversationId" TEXT NOT NULL PRIMARY KEY,
    "orderNumber" TEXT,
    "intent" TEXT,
    "awaiting" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "verifiedNumber" TEXT,
    "questions" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "handedOff" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "StoreOrder_phone_idx" ON "StoreOrder"("phone");

-- CreateIndex
CREATE INDEX "OrderChat_updatedAt_idx" ON "OrderChat"("updatedAt");
