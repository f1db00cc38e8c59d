// What a kept file may be (R1: emails keep their attachments; staff add scanned letters): the
// size and type limits, the type read from the file's own first bytes rather than the sender's
// word, and file names made safe to hand back in a download header.

export interface AttachmentPolicy {
  maxBytes: number;
  /** Lower-case MIME types without parameters. */
  allowedTypes: readonly string[];
  /** How many files one email may add to a case; the rest are refused with a reason. */
  maxPerMessage: number;
}

export const DEFAULT_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/tiff',
  'text/plain',
  'text/csv',
  'message/rfc822',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/msword',
] as const;

export const DEFAULT_POLICY: AttachmentPolicy = {
  maxBytes: 10 * 1024 * 1024,
  allowedTypes: DEFAULT_ATTACHMENT_TYPES,
  maxPerMessage: 20,
};

/** Types a browser may run or render as a page; never kept, whatever the configuration says. */
export const ACTIVE_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/javascript',
  'application/javascript',
  'application/x-msdownload',
  'application/x-sh',
  'text/xml',
  'application/xml',
];

const ZIP_BASED = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

const LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'image/tiff': 'TIFF image',
  'image/heic': 'HEIC photo',
  'application/zip': 'ZIP archive',
  'application/msword': 'Word document',
  'text/plain': 'plain text',
  'text/csv': 'CSV',
  'message/rfc822': 'email message',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    'Word document (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook (.xlsx)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument text',
};

const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  csv: 'text/csv',
  eml: 'message/rfc822',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  doc: 'application/msword',
};

/** The type a file name suggests, for callers that have only a name (the command line). */
export function typeFromName(filename: string): string | undefined {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(filename)?.[1]?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) =>
  sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type the content itself declares by its signature, for the formats that have one. */
export function sniffType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image/tiff';
  if (startsWith(bytes, ascii('ftyp'), 4) && /^(heic|heix|mif1|msf1)/.test(ascii4(bytes, 8)))
    return 'image/heic';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return 'application/msword';
  if (startsWith(bytes, [0x4d, 0x5a])) return 'application/x-msdownload';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (/^<(!doctype html|html|script|svg|\?xml)/.test(head)) return 'text/html';
  return null;
}

function ascii4(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

function label(type: string): string {
  return LABELS[type] ?? type;
}

export function normaliseType(declared: string | null | undefined): string {
  return (declared ?? '').split(';')[0]!.trim().toLowerCase() || 'application/octet-stream';
}

/** A file name with no path, no control characters and a sane length; never empty. */
export function safeFilename(name: string | null | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(-200);
  return cleaned || 'attachment';
}

/** `Content-Disposition` for a download: always an attachment, with an ASCII fallback name. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.max(1, Math.round(n / 1024))} kB`;
}

export type AttachmentCheck =
  { ok: true; contentType: string; filename: string } | { ok: false; reason: string };

/**
 * Decides whether a file is kept and under which type. A signature in the bytes wins over the
 * declared type (mail clients often say application/octet-stream); a declared type whose
 * signature is missing or different is refused, so nothing is stored under a false type.
 */
export function checkAttachment(
  policy: AttachmentPolicy,
  file: {
    filename: string | null | undefined;
    declaredType: string | null | undefined;
    bytes: Uint8Array;
  },
): AttachmentCheck {
  const filename = safeFilename(file.filename);
  const size = file.bytes.length;
  if (size === 0) return { ok: false, reason: `${filename} is empty.` };
  if (size > policy.maxBytes)
    return {
      ok: false,
      reason: `${filename} is ${megabytes(size)}; files may be at most ${megabytes(policy.maxBytes)}.`,
    };
  const declared = normaliseType(file.declaredType);
  const sniffed = sniffType(file.bytes);
  const byName = typeFromName(filename);
  let type: string;
  if (sniffed === 'application/zip') {
    type = ZIP_BASED.has(declared) ? declared : byName && ZIP_BASED.has(byName) ? byName : sniffed;
  } else if (sniffed) {
    const isGeneric = declared === 'application/octet-stream' || declared === sniffed;
    if (!isGeneric && hasSignature(declared))
      return {
        ok: false,
        reason: `${filename} says it is a ${label(declared)} but its content is a ${label(sniffed)}.`,
      };
    type = sniffed;
  } else {
    if (hasSignature(declared))
      return {
        ok: false,
        reason: `${filename} says it is a ${label(declared)} but its content is not.`,
      };
    type =
      declared === 'application/octet-stream' && byName && !hasSignature(byName)
        ? byName
        : declared;
    if (type.startsWith('text/') && file.bytes.subarray(0, 8192).includes(0))
      return { ok: false, reason: `${filename} says it is text but contains binary data.` };
  }
  if (ACTIVE_TYPES.includes(type) || !policy.allowedTypes.includes(type))
    return {
      ok: false,
      reason: `${filename}: files of type ${label(type)} are not accepted (accepted: ${policy.allowedTypes.map(label).join(', ')}).`,
    };
  return { ok: true, contentType: type, filename };
}

/** Types that always begin with a signature, so a file without it is not what it claims. */
function hasSignature(type: string): boolean {
  return (
    [
      'application/pdf',
      'image/jpeg',
      'image/png',
      'image/gif',
      'image/webp',
      'image/tiff',
      'application/zip',
      'application/msword',
    ].includes(type) || ZIP_BASED.has(type)
  );
}
