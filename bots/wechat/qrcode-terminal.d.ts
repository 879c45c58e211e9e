declare module 'qrcode-terminal' {
  interface QrcodeTerminal {
    generate(text: string, options?: { small?: boolean }, callback?: (art: string) => void): void;
  }
  const qrcode: QrcodeTerminal;
  export default qrcode;
}
