/** Base64 that decodes to text (Secret `data`, ConfigMap `binaryData`); binary content is left alone. */
import { isUtf8 } from 'node:buffer';

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;
/** Not fatal: bytes are checked with `isUtf8` first, since most runs are not text and a thrown error costs far more. */
const UTF8 = new TextDecoder('utf-8');
/** Control characters other than tab, newline and carriage return: the bytes are not text. */
const BINARY = /[\u0000-\u0008\u000e-\u001f\u007f]/;

/** The decoded text, or undefined when the string is not base64 or does not decode to text. */
export function decodeBase64Text(encoded: string): string | undefined {
  if (encoded.length === 0 || !BASE64.test(encoded)) return undefined;
  const bytes = Buffer.from(encoded, 'base64');
  if (!isUtf8(bytes)) return undefined;
  const text = UTF8.decode(bytes);
  return BINARY.test(text) ? undefined : text;
}
