import { describe, expect, test } from 'vitest';
import {
  checkAttachment,
  contentDisposition,
  DEFAULT_POLICY,
  safeFilename,
  sniffType,
} from './attachment.rules.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1');
const HTML = Buffer.from('  <!DOCTYPE html><script>alert(1)</script>');
const TEXT = Buffer.from('Order 1234 arrived broken.\n');

describe('sniffType', () => {
  test.each([
    [PDF, 'application/pdf'],
    [PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
    [Buffer.from('GIF89a....'), 'image/gif'],
    [Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'image/webp'],
    [ZIP, 'application/zip'],
    [EXE, 'application/x-msdownload'],
    [HTML, 'text/html'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'text/html'],
    [TEXT, null],
  ])('%#', (bytes, type) => {
    expect(sniffType(bytes)).toBe(type);
  });
});

describe('checkAttachment', () => {
  const small = { ...DEFAULT_POLICY, maxBytes: 1024 };
  test.each<[string, string, Buffer, string | RegExp]>([
    ['letter.pdf', 'application/pdf', PDF, 'application/pdf'],
    ['scan.pdf', 'application/octet-stream', PDF, 'application/pdf'],
    ['photo', 'image/jpeg', JPEG, 'image/jpeg'],
    ['photo.png', 'image/jpeg', PNG, /says it is a JPEG image but its content is a PNG image/],
    ['invoice.pdf', 'application/pdf', TEXT, /says it is a PDF but its content is not/],
    [
      'report.docx',
      'application/octet-stream',
      ZIP,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['archive.zip', 'application/zip', ZIP, /ZIP archive are not accepted/],
    ['setup.exe', 'application/octet-stream', EXE, /are not accepted/],
    ['notes.txt', 'text/plain', HTML, /text\/html are not accepted/],
    ['notes.txt', 'text/plain; charset=utf-8', TEXT, 'text/plain'],
    ['notes.txt', 'application/octet-stream', TEXT, 'text/plain'],
    ['data.txt', 'text/plain', Buffer.from('ab\0cd'), /contains binary data/],
    ['empty.pdf', 'application/pdf', Buffer.alloc(0), 'empty.pdf is empty.'],
    [
      'big.pdf',
      'application/pdf',
      Buffer.concat([PDF, Buffer.alloc(2048)]),
      'big.pdf is 2 kB; files may be at most 1 kB.',
    ],
    ['page.html', 'text/html', Buffer.from('hello'), /not accepted/],
  ])('%s (%s)', (filename, declaredType, bytes, expected) => {
    const result = checkAttachment(small, { filename, declaredType, bytes });
    if (typeof expected === 'string' && !expected.includes(' ')) {
      expect(result).toEqual({ ok: true, contentType: expected, filename });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(expected);
    }
  });
});

describe('names in headers', () => {
  test.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ana\\scan.pdf', 'scan.pdf'],
    ['bad\r\nname".pdf', 'badname.pdf'],
    ['.htaccess', 'htaccess'],
    ['', 'attachment'],
    [null, 'attachment'],
  ])('safeFilename(%j) = %j', (given, expected) => {
    expect(safeFilename(given)).toBe(expected);
  });
  test('the disposition is always an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Reçu août.pdf')).toBe(
      `attachment; filename="Re_u ao_t.pdf"; filename*=UTF-8''Re%C3%A7u%20ao%C3%BBt.pdf`,
    );
  });
});
