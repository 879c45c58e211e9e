import { orderIntentOf } from './intent-rules.js';
import { OrderNumberRecognizer, type FoundOrderNumber } from './order-number.js';
import { orderText } from './order-text.js';
import type { OrderIntent } from './order-types.js';

export interface OrderQuestion {
  intent: OrderIntent | null;
  orderNumber: FoundOrderNumber | null;
}

/** What a customer message asks about their order, if anything: the order question and the order number in it. */
export class OrderQuestionReader {
  constructor(private readonly numbers: OrderNumberRecognizer = new OrderNumberRecognizer()) {}

  read(text: string): OrderQuestion {
    const orderNumber = this.numbers.find(text);
    const rest = orderNumber ? text.normalize('NFKC').replace(orderNumber.raw, ' ') : text;
    return { intent: orderIntentOf(orderText(rest), orderNumber !== null), orderNumber };
  }
}
