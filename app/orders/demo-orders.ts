import type { Order } from '../../core/orders/order-types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo store's orders, dated relative to `now` (the moment they are seeded), so the tracking looks current.
 * README.md / README.en.md list these numbers and the phones that own them: keep them in step.
 */
export function demoOrders(now: Date): Order[] {
  const at = (ago: number) => new Date(now.getTime() - ago);
  return [
    {
      number: '20261201-0001', status: 'paid', createdAt: at(5 * HOUR), customer: { phone: '13800001111' },
      items: [{ name: '羊毛围巾 燕麦色', quantity: 1, price: 199 }], total: 199, shipments: [],
    },
    {
      number: '20261128-0002', status: 'shipped', createdAt: at(3 * DAY), customer: { phone: '13900002222' },
      items: [{ name: '降噪蓝牙耳机', quantity: 1, price: 899 }], total: 899,
      shipments: [{
        carrier: '顺丰速运', trackingNumber: 'SF1402658837201', status: 'in_transit',
        events: [
          { time: at(2 * DAY + 20 * HOUR), description: '【杭州市】顺丰速运 已收取快件' },
          { time: at(2 * DAY + 9 * HOUR), description: '【杭州市】快件已发车，发往 上海中转场' },
          { time: at(DAY + 18 * HOUR), description: '【上海市】快件到达 上海浦东中转场' },
          { time: at(3 * HOUR), description: '【上海市】快件已到达 浦东新区张江营业点，正在派送途中' },
        ],
      }],
    },
    {
      number: '20261120-0003', status: 'delivered', createdAt: at(10 * DAY), customer: { phone: '13700003333' },
      items: [{ name: '纯棉四件套 1.8m', quantity: 1, price: 459 }], total: 459,
      shipments: [{
        carrier: '京东快递', trackingNumber: 'JDVA20931844567', status: 'delivered',
        events: [
          { time: at(9 * DAY), description: '【广州市】京东快递 已揽收' },
          { time: at(8 * DAY), description: '【北京市】到达 北京亦庄分拣中心' },
          { time: at(7 * DAY + 2 * HOUR), description: '【北京市】已签收，签收人：本人' },
        ],
      }],
      invoice: { status: '已开具电子发票', url: 'https://example.com/invoices/20261120-0003.pdf' },
    },
    {
      number: '20261115-0004', status: 'refunded', createdAt: at(15 * DAY), customer: { phone: '13600004444' },
      items: [{ name: '不锈钢保温杯 500ml', quantity: 2, price: 89 }], total: 178, shipments: [],
      refund: { status: '已退回原支付账户', amount: 178, updatedAt: at(12 * DAY) },
    },
    {
      number: '20261125-0005', status: 'shipped', createdAt: at(4 * DAY), customer: { phone: '13500005555', email: 'demo@example.com' },
      items: [{ name: '实木书架', quantity: 1, price: 1299 }, { name: '桌面收纳盒', quantity: 3, price: 39 }], total: 1416,
      shipments: [
        {
          carrier: '中通快递', trackingNumber: '78512345670012', status: 'delivered',
          events: [
            { time: at(3 * DAY), description: '【苏州市】中通快递 已揽收' },
            { time: at(DAY + 4 * HOUR), description: '【南京市】已签收，放入菜鸟驿站' },
          ],
        },
        {
          carrier: '德邦物流', trackingNumber: 'DPK301122334455', status: 'in_transit',
          events: [
            { time: at(2 * DAY), description: '【苏州市】德邦物流 已揽收（大件）' },
            { time: at(10 * HOUR), description: '【南京市】到达 南京转运中心' },
          ],
        },
      ],
    },
  ];
}
