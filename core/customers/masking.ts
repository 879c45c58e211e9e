// Personal data as agents see it by default: enough to recognise ("the number ending 5678"), not to copy.
const ID_CARD = /(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const CARD = /(?<!\d)\d(?:[ -]?\d){8,14}(\d{4})(?!\d)/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** Masks mainland mobile numbers (139****5678), e-mail addresses, ID-card and bank card numbers in a text. */
export function maskPersonalData(text: string): string {
  return text
    .replace(ID_CARD, (_m, head: string, tail: string) => `${head}********${tail}`)
    .replace(MOBILE, (_m, head: string, tail: string) => `${head}****${tail}`)
    .replace(CARD, (m: string, tail: string) => (/\*/.test(m) ? m : `****${tail}`))
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}
