-- CreateTable
CREATE TABLE "StoreOrder" (
    "key" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "phone" TEXT,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "details" TEXT NOT NULL,

    CONSTRAINT "StoreOrder_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OrderChat" (
    "conversationId" TEXT NOT NULL,
    "orderNumber" TEXT,
    "intent" TEXT,
    "awaiting" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "verifiedNumber" TEXT,
    "questions" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "handedOff" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderChat_pkey" PRIMARY KEY ("conversationId")
);

-- CreateIndex
CREATE INDEX "StoreOrder_phone_idx" ON "StoreOrder"("phone");

-- CreateIndex
CREATE INDEX "OrderChat_updatedAt_idx" ON "OrderChat"("updatedAt");
