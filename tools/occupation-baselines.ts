/**
 * Two plain baselines the occupation search must beat, run on the same index contents and queries
 * as the search itself (tools/eval-occupations.ts): PostgreSQL `pg_trgm` similarity over the labels
 * on a real database, and a character 3-4-gram TF-IDF cosine over the labels (optionally with each
 * occupation's description as weaker evidence).
 */
import { Client } from 'pg';

export interface IndexedOccupation {
  code: string;
  iscoGroup: string;
  preferredLabel: string;
  altLabels: readonly string[];
  description: string;
}

/** Lower case without diacritics, punctuation as spaces: what both baselines compare. */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function charGrams(text: string): Map<string, number> {
  const padded = ` ${plain(text)} `;
  const grams = new Map<string, number>();
  for (const n of [3, 4])
    for (let i = 0; i + n <= padded.length; i++) {
      const gram = padded.slice(i, i + n);
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
  return grams;
}

/** TF-IDF vectors of char 3- and 4-grams, cosine by posting lists. */
class CharTfIdf {
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly idf = new Map<string, number>();

  constructor(documents: readonly string[]) {
    const vectors = documents.map(charGrams);
    const df = new Map<string, number>();
    for (const vector of vectors) for (const gram of vector.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
    for (const [gram, count] of df) this.idf.set(gram, Math.log(1 + documents.length / count));
    vectors.forEach((vector, doc) => {
      let norm = 0;
      for (const [gram, tf] of vector) norm += (tf * this.idf.get(gram)!) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (const [gram, tf] of vector) {
        let list = this.postings.get(gram);
        if (!list) this.postings.set(gram, (list = []));
        list.push([doc, (tf * this.idf.get(gram)!) / norm]);
      }
    });
  }

  cosines(query: string): Map<number, number> {
    const vector = charGrams(query);
    let norm = 0;
    for (const [gram, tf] of vector) norm += (tf * (this.idf.get(gram) ?? 0)) ** 2;
    norm = Math.sqrt(norm) || 1;
    const scores = new Map<number, number>();
    for (const [gram, tf] of vector) {
      const idf = this.idf.get(gram);
      if (idf === undefined) continue;
      for (const [doc, weight] of this.postings.get(gram)!)
        scores.set(doc, (scores.get(doc) ?? 0) + (weight * tf * idf) / norm);
    }
    return scores;
  }
}

function topCodes(scores: Map<string, number>, limit: number): string[] {
  // Equal scores by code: the rows of equal similarity come in the GiST's order, which moved
  // pg_trgm's numbers by about 1.5 points between runs.
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([code]) => code);
}

/** Char 3-4-gram TF-IDF over every label; an occupation scores its best label (+ w × its description). */
export class CharNgramBaseline {
  private readonly labels: CharTfIdf;
  private readonly labelOwner: string[] = [];
  private readonly descriptions?: CharTfIdf;

  constructor(
    private readonly occupations: readonly IndexedOccupation[],
    private readonly descriptionWeight = 0,
  ) {
    const texts: string[] = [];
    for (const occupation of occupations)
      for (const label of [occupation.preferredLabel, ...occupation.altLabels]) {
        texts.push(label);
        this.labelOwner.push(occupation.code);
      }
    this.labels = new CharTfIdf(texts);
    if (descriptionWeight > 0) this.descriptions = new CharTfIdf(occupations.map((o) => o.description));
  }

  rank(query: string, limit: number): string[] {
    const scores = new Map<string, number>();
    for (const [label, cosine] of this.labels.cosines(query)) {
      const code = this.labelOwner[label];
      if (cosine > (scores.get(code) ?? 0)) scores.set(code, cosine);
    }
    if (this.descriptions)
      for (const [doc, cosine] of this.descriptions.cosines(query)) {
        const code = this.occupations[doc].code;
        scores.set(code, (scores.get(code) ?? 0) + this.descriptionWeight * cosine);
      }
    return topCodes(scores, limit);
  }
}

/**
 * pg_trgm over the labels in a scratch database on `databaseUrl`'s server (created and dropped
 * here, so the service's data are never touched): the nearest labels by trigram distance (GiST
 * index), an occupation scoring its most similar label.
 */
export class PgTrgmBaseline {
  private constructor(
    private readonly client: Client,
    private readonly admin: Client,
    private readonly database: string,
  ) {}

  /** `name` tells apart two indexes of one run (each gets its own scratch database). */
  static async create(
    databaseUrl: string,
    occupations: readonly IndexedOccupation[],
    name = 'eval_occupations',
  ): Promise<PgTrgmBaseline> {
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    const database = `${name}_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${database}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    await client.query('CREATE EXTENSION pg_trgm');
    await client.query('CREATE TABLE labels (code text NOT NULL, label text NOT NULL)');
    const codes: string[] = [];
    const labels: string[] = [];
    for (const occupation of occupations)
      for (const label of [occupation.preferredLabel, ...occupation.altLabels]) {
        codes.push(occupation.code);
        labels.push(plain(label));
      }
    await client.query('INSERT INTO labels SELECT * FROM unnest($1::text[], $2::text[])', [codes, labels]);
    await client.query('CREATE INDEX labels_trgm ON labels USING gist (label gist_trgm_ops)');
    await client.query('ANALYZE labels');
    return new PgTrgmBaseline(client, admin, database);
  }

  async rankAll(queries: readonly string[], limit: number): Promise<string[][]> {
    const ranked: string[][] = [];
    for (let start = 0; start < queries.length; start += 200) {
      const batch = queries.slice(start, start + 200).map(plain);
      // The GiST hands labels of equal distance out in no fixed order; the 60 of the nearest 90 by
      // distance and then code keep the cut the same from run to run.
      const { rows } = await this.client.query<{ i: string; code: string; similarity: number }>(
        `SELECT q.i, l.code, similarity(l.label, q.t) AS similarity
         FROM unnest($1::text[]) WITH ORDINALITY AS q(t, i)
         CROSS JOIN LATERAL (
           SELECT code, label FROM (SELECT code, label, label <-> q.t AS distance FROM labels ORDER BY label <-> q.t LIMIT 90) nearest
           ORDER BY distance, code, label LIMIT 60
         ) l`,
        [batch],
      );
      const byQuery = batch.map(() => new Map<string, number>());
      for (const row of rows) {
        const scores = byQuery[Number(row.i) - 1];
        if (row.similarity > (scores.get(row.code) ?? -1)) scores.set(row.code, row.similarity);
      }
      for (const scores of byQuery) ranked.push(topCodes(scores, limit));
    }
    return ranked;
  }

  async close(): Promise<void> {
    await this.client.end();
    await this.admin.query(`DROP DATABASE IF EXISTS ${this.database}`);
    await this.admin.end();
  }
}
