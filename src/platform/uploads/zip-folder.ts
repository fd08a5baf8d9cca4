import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { ConfigService } from '@nestjs/config';
import { ApiProperty } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AppConfig } from '@platform/config/app-config';
import yauzl from 'yauzl';
import { DomainError } from '@platform/errors/domain-error';

export class UploadRefusedError extends DomainError {
  readonly code: string;
  readonly kind = 'invalid' as const;

  constructor(code: string, reason: string) {
    super(`The upload was refused: ${reason}`, { fieldErrors: { file: reason } });
    this.code = code;
  }
}

export interface ZipLimits {
  /** Largest zip accepted, in bytes. */
  maxBytes: number;
  /** Largest total of the unpacked files: a small zip may unpack to gigabytes. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

/**
 * Receives one zip as `file` of a multipart request and unpacks it into a new folder under `uploadsDir`,
 * refusing anything that would leave that folder ("zip slip": absolute names, `..`, links), a zip over
 * its size, or one that unpacks to more than the limits allow. Returns the folder inside it that holds
 * `expectedFile` (the zip may wrap the files in a folder of their own). A refused upload leaves nothing.
 */
export async function unpackZipUpload(
  request: FastifyRequest,
  uploadsDir: string,
  expectedFile: string,
  limits: ZipLimits,
): Promise<string> {
  if (!request.isMultipart())
    throw new UploadRefusedError('UPLOAD_MISSING', 'send a zip file as multipart/form-data field "file"');
  const part = await request.file({ limits: { fileSize: limits.maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file')
    throw new UploadRefusedError('UPLOAD_MISSING', 'send a zip file as field "file"');
  const folder = join(uploadsDir, randomUUID());
  mkdirSync(folder, { recursive: true });
  const zipPath = `${folder}.zip`;
  try {
    await pipeline(part.file, createWriteStream(zipPath));
    if (part.file.truncated) {
      throw new UploadRefusedError('UPLOAD_TOO_LARGE', `is larger than ${Math.floor(limits.maxBytes / 1_048_576)} MB`);
    }
    await unpack(zipPath, folder, limits);
    const found = findFolderWith(folder, expectedFile, 3);
    if (!found) throw new UploadRefusedError('UPLOAD_INCOMPLETE', `holds no ${expectedFile}`);
    return found;
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(zipPath, { force: true });
  }
}

/** The entry's path inside `root`, or null when the name would write outside it. */
export function safeEntryPath(root: string, entryName: string): string | null {
  if (entryName.includes('\0') || entryName.includes('\\') || isAbsolute(entryName) || /^[A-Za-z]:/.test(entryName))
    return null;
  const relative = normalize(entryName);
  if (relative === '..' || relative.startsWith(`..${sep}`) || relative.split(sep).includes('..')) return null;
  return join(root, relative);
}

async function unpack(zipPath: string, root: string, limits: ZipLimits): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (error, file) =>
      error || !file ? reject(new UploadRefusedError('UPLOAD_NOT_ZIP', 'is not a zip file')) : resolve(file),
    ),
  );
  let entries = 0;
  let unpacked = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => {
        zip.close();
        const message = error instanceof Error ? error.message : '';
        // yauzl checks names itself first ("invalid relative path: ../x", "absolute path: /x").
        const unsafe = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(message);
        reject(
          error instanceof DomainError
            ? error
            : unsafe
              ? new UploadRefusedError('UPLOAD_UNSAFE_PATH', `holds a file outside its folder (${unsafe[2]})`)
              : new UploadRefusedError('UPLOAD_NOT_ZIP', 'is not a readable zip file'),
        );
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        if (entries > limits.maxEntries)
          return fail(new UploadRefusedError('UPLOAD_TOO_MANY_FILES', `holds more than ${limits.maxEntries} files`));
        const target = safeEntryPath(root, entry.fileName);
        if (!target)
          return fail(
            new UploadRefusedError('UPLOAD_UNSAFE_PATH', `holds a file outside its folder (${entry.fileName})`),
          );
        // Unix mode in the upper 16 bits: only plain files and folders, never a symbolic link.
        const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
        if (mode === 0o120000)
          return fail(new UploadRefusedError('UPLOAD_UNSAFE_PATH', `holds a link (${entry.fileName})`));
        if (entry.fileName.endsWith('/')) {
          mkdirSync(target, { recursive: true });
          return zip.readEntry();
        }
        unpacked += entry.uncompressedSize;
        if (unpacked > limits.maxUnpackedBytes) {
          return fail(
            new UploadRefusedError(
              'UPLOAD_TOO_LARGE',
              `unpacks to more than ${Math.floor(limits.maxUnpackedBytes / 1_048_576)} MB`,
            ),
          );
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return fail(error);
          mkdirSync(dirname(target), { recursive: true });
          let written = 0;
          // The sizes in the zip's directory can lie: count what really comes out.
          const counter = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              written += chunk.length;
              if (written > entry.uncompressedSize) callback(new UploadRefusedError('UPLOAD_NOT_ZIP', 'is damaged'));
              else callback(null, chunk);
            },
          });
          pipeline(stream, counter, createWriteStream(target)).then(() => zip.readEntry(), fail);
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

function findFolderWith(folder: string, file: string, depth: number): string | null {
  if (existsSync(join(folder, file))) return folder;
  if (depth === 0) return null;
  for (const name of readdirSync(folder)) {
    const child = join(folder, name);
    if (name !== '__MACOSX' && statSync(child).isDirectory()) {
      const found = findFolderWith(child, file, depth - 1);
      if (found) return found;
    }
  }
  return null;
}

/** Uploaded folders are kept under DATA_DIR/uploads (the import reads them after the request). */
export function uploadsDir(config: ConfigService<AppConfig, true>): string {
  return join(config.get('dataDir', { infer: true }), 'uploads');
}

/** IMPORT_UPLOAD_MAX_BYTES for the zip; text files pack about 5:1, so 20 times that unpacked is plenty. */
export function uploadLimits(config: ConfigService<AppConfig, true>): ZipLimits {
  const maxBytes = config.get('imports', { infer: true }).uploadMaxBytes;
  return { maxBytes, maxUnpackedBytes: maxBytes * 20, maxEntries: 1000 };
}

/** The multipart body of an upload import: one zip as `file`. */
export class ZipUploadDto {
  @ApiProperty({ type: 'string', format: 'binary' }) file!: unknown;
}
