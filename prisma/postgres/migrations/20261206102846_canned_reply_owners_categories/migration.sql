-- DropIndex
DROP INDEX "CannedReply_shortcut_key";

-- AlterTable
ALTER TABLE "CannedReply" ADD COLUMN     "category" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "ownerId" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "CannedReply_ownerId_shortcut_key" ON "CannedReply"("ownerId", "shortcut");

-- A fresh install starts with a default set of team replies (one that already has replies keeps its own).
INSERT INTO "CannedReply" ("id", "shortcut", "category", "title", "text", "updatedAt")
SELECT v.*, CURRENT_TIMESTAMP FROM (VALUES
('default-greeting', '你好', '问候', '开场问候', '您好{客户名}，我是客服{客服名}，很高兴为您服务，请问有什么可以帮您？'),
('default-wait', '稍等', '问候', '请稍等', '好的，请您稍等，我马上为您查询。'),
('default-sorry', '抱歉', '问候', '致歉', '非常抱歉给您带来不便，我们会尽快为您处理，感谢您的理解。'),
('default-return', '退货', '售后', '退货流程', '您好，商品签收后 7 天内可以无理由退货（不影响二次销售即可）。请在「我的订单」中找到订单 {订单号}，点击「申请退货」并按提示寄回，我们收到后 1-3 个工作日内退款。'),
('default-exchange', '换货', '售后', '换货流程', '您好，签收后 15 天内商品有质量问题可以换货。请在「我的订单」中找到订单 {订单号}，点击「申请换货」，上传问题照片后我们会尽快审核。'),
('default-refund', '退款', '售后', '退款进度', '订单 {订单号} 的退款已提交，会在 1-3 个工作日内原路退回，请留意账户到账信息。'),
('default-shipping', '物流', '物流', '查询物流', '订单 {订单号} 已发货，您可以在「我的订单」中点击「查看物流」查看最新进度。'),
('default-hurry', '催发货', '物流', '催促发货', '已为您联系仓库加急处理订单 {订单号}，一般 48 小时内发出，发货后您会收到短信通知。'),
('default-address', '地址', '订单', '修改地址', '订单发货前可以修改收货地址：请把新的收货人、电话和地址发给我，我为您修改订单 {订单号}。'),
('default-invoice', '发票', '订单', '开具发票', '可以为您开具电子发票：请提供发票抬头和税号，发票会在 1-3 个工作日内发送到您的邮箱。'),
('default-more', '还有吗', '结束语', '还有其他问题吗', '请问还有其他可以帮您的吗？'),
('default-bye', '结束', '结束语', '结束会话', '感谢您的耐心，{客户名}！如果没有其他问题，我稍后将结束本次会话，祝您生活愉快。')
) AS v
WHERE NOT EXISTS (SELECT 1 FROM "CannedReply");
