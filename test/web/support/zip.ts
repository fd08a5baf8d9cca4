import { createWriteStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import yazl from 'yazl';

/** Zips a folder's files (as a person would, inside a folder of that name) into `zipPath`. */
export async function zipFolder(folder: string, zipPath: string, inside = 'data'): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const name of readdirSync(folder)) zip.addFile(join(folder, name), `${inside}/${name}`);
  zip.end();
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  await once(out, 'close');
  return zipPath;
}
