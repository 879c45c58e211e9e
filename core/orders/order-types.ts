/** The order questions the bot answers from the store's records. */
export const ORDER_INTENTS = ['track', 'ship_time', 'status', 'cancel', 'change_address', 'refund_status', 'invoice'] as const;
export type OrderIntent = (typeof ORDER_INTENTS)[number];

export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'delivered', 'cancelled', 'refunding', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface TrackingEvent {
  time: Date;
  description: string;
}

export interface Shipment {
  carrier: string;
  trackingNumber: string;
  status: string;
  /** Oldest first. */
  events: TrackingEvent[];
}

export interface OrderItem {
  name: string;
  quantity: number;
  price: number;
}

/** One order as the store's backend knows it; the phone and e-mail are never shown to the customer. */
export interface Order {
  number: string;
  status: OrderStatus;
  createdAt: Date;
  customer: { phone?: string; email?: string; externalIds?: string[] };
  items: OrderItem[];
  total: number;
  shipments: Shipment[];
  /** Refund progress and invoice state, when the store reports them. */
  refund?: { status: string; amount: number; updatedAt: Date };
  invoice?: { status: string; url?: string };
}

/** What a person in the agent console sees of an order in a list. */
export interface OrderSummary {
  number: string;
  status: OrderStatus;
  createdAt: Date;
  total: number;
}
