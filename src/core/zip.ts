/**
 * Reading a ZIP archive with node:zlib alone (no dependency): the central directory at the end of the
 * file lists every entry with its sizes, CRC-32 and the offset of its local header; an entry's bytes are
 * stored (method 0) or deflated (method 8). Enough for downloaded packages such as the OASIS UBL
 * distribution. ZIP64 archives (beyond 4 GB or 65,535 entries), encrypted entries and other compression
 * methods are refused with a ZipError that says so. Only the entries asked for are read.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** path inside the archive, with forward slashes ("xsd/common/UBL-CommonBasicComponents-2.1.xsd") */
  name: string;
  directory: boolean;
  size: number;
  compressedSize: number;
  method: number;
  crc32: number;
  flags: number;
  headerOffset: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** The entry's bytes, checked against its size and CRC-32; refuses entries larger than `maxBytes`. */
  read(entry: ZipEntry, maxBytes?: number): Buffer;
  close(): void;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True when the file starts like a ZIP archive (a local header, or the end record of an empty one). */
export function looksLikeZip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const n = fs.readSync(fd, head, 0, 4, 0);
    return n === 4 && (head.readUInt32LE(0) === LOCAL || head.readUInt32LE(0) === EOCD);
  } finally {
    fs.closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new ZipError('the archive ends early (truncated download?)');
    done += n;
  }
  return buf;
}

export function openZip(file: string): ZipArchive {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 22) throw new ZipError('too short to be a ZIP archive');
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipError('no ZIP end-of-central-directory record (not a ZIP archive, or truncated)');
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
    if (cdOffset + cdSize > size) throw new ZipError('the central directory lies beyond the end of the file (truncated download?)');
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipError(`central directory entry ${i + 1} is damaged`);
      const flags = cd.readUInt16LE(p + 8);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const rawName = cd.subarray(p + 46, p + 46 + nameLength);
      const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1').replace(/\\/g, '/');
      entries.push({
        name,
        directory: name.endsWith('/'),
        method: cd.readUInt16LE(p + 10),
        crc32: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        flags,
        headerOffset: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    const handle = fd;
    return {
      entries,
      read(entry, maxBytes = 64 * 1024 * 1024) {
        if (entry.flags & 0x1) throw new ZipError(`${entry.name} is encrypted`);
        if (entry.size > maxBytes) throw new ZipError(`${entry.name} is larger than ${maxBytes} bytes`);
        const header = readAt(handle, entry.headerOffset, 30);
        if (header.readUInt32LE(0) !== LOCAL) throw new ZipError(`${entry.name}: damaged local header`);
        const start = entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
        const raw = readAt(handle, start, entry.compressedSize);
        let data: Buffer;
        if (entry.method === 0) data = raw;
        else if (entry.method === 8) {
          try {
            data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
          } catch (err) {
            throw new ZipError(`${entry.name} cannot be inflated: ${(err as Error).message}`);
          }
        } else throw new ZipError(`${entry.name} uses compression method ${entry.method} (only stored and deflated are supported)`);
        if (data.length !== entry.size || zlib.crc32(data) !== entry.crc32) throw new ZipError(`${entry.name} is damaged (size or CRC-32 does not match)`);
        return data;
      },
      close() {
        fs.closeSync(handle);
      },
    };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}
