import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertBorrower } from '../support/fixtures.js';

// ---- Real files, built here: each one opens in an ordinary viewer (checked with pngcheck, djpeg, qpdf). ----

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const pngChunk = (type: string, data: Buffer) => {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), typed, u32(zlib.crc32(typed))]);
};
/** A 1x1 grey PNG. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
  pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x80]))),
  pngChunk('IEND', Buffer.alloc(0)),
]);

const jpegSegment = (marker: number, body: number[]) => Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
/** An 8x8 grey baseline JPEG: one Huffman code for DC category 0 and one for end-of-block. */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  jpegSegment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  jpegSegment(0xdb, [0x00, ...Array(64).fill(1)]),
  jpegSegment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
  jpegSegment(0xc4, [0x00, 1, ...Array(15).fill(0), 0x00]),
  jpegSegment(0xc4, [0x10, 1, ...Array(15).fill(0), 0x00]),
  jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]),
  Buffer.from([0x3f, 0xff, 0xd9]),
]);

/** A one-page PDF with a correct cross-reference table. */
const PDF = (() => {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
})();

/** The classic 1x1 transparent GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** The start of a Windows executable. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(50)]);
const MAX = 5 * 1024 * 1024;
/** `base` followed by zeros up to `size` bytes: still starts with its signature. */
const sized = (base: Buffer, size: number) => Buffer.concat([base, Buffer.alloc(size - base.length)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Collects a file as a Buffer whatever its Content-Type; a problem+json answer is parsed as usual. */
const fileOrProblem = (
  res: NodeJS.ReadableStream & { headers: Record<string, string | undefined> },
  cb: (err: Error | null, body: unknown) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    const bytes = Buffer.concat(chunks);
    cb(null, /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(bytes.toString('utf8')) : bytes);
  });
};

describe('borrower documents (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let dir: string;
  let borrowerId: string;
  let officer: { id: string; token: string };
  let finance: { id: string; token: string };
  let approver: { id: string; token: string };
  let borrowerUser: { id: string; token: string };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (file: Buffer | null, opts: { kind?: string; filename?: string; contentType?: string; token?: string; borrower?: string; note?: string } = {}) => {
    const req = t
      .http()
      .post(`/api/borrowers/${opts.borrower ?? borrowerId}/documents`)
      .set(auth(opts.token ?? officer.token));
    if (opts.kind !== undefined) req.field('kind', opts.kind);
    if (opts.note !== undefined) req.field('note', opts.note);
    if (file) req.attach('file', file, { filename: opts.filename ?? 'scan.bin', contentType: opts.contentType ?? 'application/octet-stream' });
    return req;
  };
  const download = (documentId: string, token = officer.token, borrower = borrowerId) =>
    t.http().get(`/api/borrowers/${borrower}/documents/${documentId}/content`).set(auth(token)).buffer(true).parse(fileOrProblem as never);
  /** Every file under the storage directory, relative to it. */
  const storedFiles = async (): Promise<string[]> => {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  };
  const documentRows = async (): Promise<number> => (await ds.query(`SELECT count(*)::int AS n FROM borrower_document`))[0].n;
  const storagePath = async (documentId: string): Promise<string> => {
    const [{ storage_key: key }] = await ds.query(`SELECT storage_key FROM borrower_document WHERE id = $1`, [documentId]);
    return join(dir, key.slice(0, 2), key);
  };
  const auditRows = (action: string, entityId: string) =>
    ds.query(`SELECT actor_id, request_id, after FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY id`, [action, entityId]);
  /** Asserts the answer is a refusal that stored nothing. */
  const expectNothingStored = async (rowsBefore: number, filesBefore: string[]) => {
    expect(await documentRows()).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lumbung-documents-e2e-'));
    t = await createTestApp({ DOCUMENT_STORAGE_DIR: dir });
    ds = t.app.get(DataSource);
    borrowerId = await insertBorrower(ds);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    approver = await t.userWithRoles(['approver']);
    borrowerUser = await t.userWithRoles(['borrower'], { borrowerId });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('upload', () => {
    it.each<[string, Buffer, string, string]>([
      ['a PNG', PNG, 'ktp.png', 'image/png'],
      ['a JPEG', JPEG, 'usaha.jpg', 'image/jpeg'],
      ['a PDF', PDF, 'nib.pdf', 'application/pdf'],
    ])('accepts %s: 201 with the metadata, the row and one encrypted file', async (_, file, filename, type) => {
      const filesBefore = await storedFiles();
      const res = await upload(file, { kind: 'KTP', filename, contentType: type }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        borrowerId,
        kind: 'KTP',
        contentType: type,
        sizeBytes: file.length,
        sha256: sha256(file),
        note: null,
        uploadedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        uploadedBy: officer.id,
      });
      const [row] = await ds.query(`SELECT content_type, size_bytes, sha256, storage_key FROM borrower_document WHERE id = $1`, [res.body.id]);
      expect(row).toMatchObject({ content_type: type, size_bytes: file.length, sha256: sha256(file) });
      // Stored under a random key, not the file name.
      expect(row.storage_key).toMatch(/^[0-9a-f]{32}$/);
      expect(await storedFiles()).toEqual([...filesBefore, `${row.storage_key.slice(0, 2)}/${row.storage_key}`].sort());
    });

    it('judges by the bytes: a PNG renamed .pdf and sent as application/pdf is stored and served as image/png', async () => {
      const res = await upload(PNG, { kind: 'NIB_CERTIFICATE', filename: 'sertifikat-nib.pdf', contentType: 'application/pdf' }).expect(201);
      expect(res.body.contentType).toBe('image/png');
      const [row] = await ds.query(`SELECT content_type FROM borrower_document WHERE id = $1`, [res.body.id]);
      expect(row.content_type).toBe('image/png');
      const got = await download(res.body.id).expect(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['content-disposition']).toBe(`attachment; filename="nib-certificate-${res.body.id}.png"`);
    });

    it('recognises a JPEG sent with a wrong name and a generic content type', async () => {
      const res = await upload(JPEG, { kind: 'BUSINESS_PHOTO', filename: 'foto.txt', contentType: 'text/plain' }).expect(201);
      expect(res.body.contentType).toBe('image/jpeg');
    });

    it.each<[string, Buffer, string, string]>([
      ['a GIF sent as a GIF', GIF, 'foto.gif', 'image/gif'],
      ['a GIF renamed .png and sent as image/png', GIF, 'foto.png', 'image/png'],
      ['a Windows executable renamed .pdf', EXE, 'ktp.pdf', 'application/pdf'],
      ['a text file', Buffer.from('NIK 3526014101900001, Siti Aminah\n'), 'ktp.txt', 'text/plain'],
      ['an HTML page sent as image/jpeg', Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg', 'image/jpeg'],
      ['an empty file', Buffer.alloc(0), 'kosong.pdf', 'application/pdf'],
    ])('refuses %s: 400 DOCUMENT_TYPE_NOT_ALLOWED, nothing stored', async (_, file, filename, contentType) => {
      const rows = await documentRows();
      const files = await storedFiles();
      const res = await upload(file, { kind: 'KTP', filename, contentType }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'DOCUMENT_TYPE_NOT_ALLOWED', allowedTypes: ['image/jpeg', 'image/png', 'application/pdf'] });
      await expectNothingStored(rows, files);
    });

    it('refuses a 6 MB file with 413 DOCUMENT_TOO_LARGE (problem+json) and stores nothing', async () => {
      const rows = await documentRows();
      const files = await storedFiles();
      const res = await upload(sized(PNG, 6 * 1024 * 1024), { kind: 'KTP', filename: 'besar.png', contentType: 'image/png' }).expect(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'https://lumbung.id/problems/document-too-large',
        status: 413,
        code: 'DOCUMENT_TOO_LARGE',
        maxBytes: MAX,
        requestId: expect.any(String),
      });
      await expectNothingStored(rows, files);
    });

    it('draws the line at exactly 5 MB: one byte more is 413, 5 MB itself is accepted', async () => {
      const rows = await documentRows();
      const files = await storedFiles();
      const over = await upload(sized(PDF, MAX + 1), { kind: 'KK', filename: 'kk.pdf', contentType: 'application/pdf' }).expect(413);
      expect(over.body.code).toBe('DOCUMENT_TOO_LARGE');
      await expectNothingStored(rows, files);
      const exact = await upload(sized(PDF, MAX), { kind: 'KK', filename: 'kk.pdf', contentType: 'application/pdf' }).expect(201);
      expect(exact.body).toMatchObject({ sizeBytes: MAX, contentType: 'application/pdf' });
    });

    it('names `file` when no file is sent, in a multipart body or a JSON one', async () => {
      const multipart = await upload(null, { kind: 'KTP' }).expect(400);
      expect(multipart.body.code).toBe('VALIDATION_FAILED');
      expect(multipart.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'FILE_REQUIRED' })]);
      const json = await t.http().post(`/api/borrowers/${borrowerId}/documents`).set(auth(officer.token)).send({ kind: 'KTP' }).expect(400);
      expect(json.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    });

    it.each([
      ['an unknown kind', 'PASSPORT'],
      ['a lowercase kind', 'ktp'],
      ['no kind', undefined],
    ])('names `kind` for %s, and stores nothing', async (_, kind) => {
      const rows = await documentRows();
      const files = await storedFiles();
      const res = await upload(PNG, { kind, filename: 'ktp.png', contentType: 'image/png' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'kind', code: 'IS_IN', message: 'kind must be one of KTP, KK, NIB_CERTIFICATE, BUSINESS_PHOTO' })]);
      await expectNothingStored(rows, files);
    });

    it('keeps a note, trimmed, and refuses one over 500 characters or an unknown field', async () => {
      const ok = await upload(JPEG, { kind: 'BUSINESS_PHOTO', note: '  warung depan pasar  ' }).expect(201);
      expect(ok.body.note).toBe('warung depan pasar');
      const long = await upload(JPEG, { kind: 'BUSINESS_PHOTO', note: 'x'.repeat(501) }).expect(400);
      expect(long.body.errors).toEqual([expect.objectContaining({ field: 'note', code: 'MAX_LENGTH' })]);
      // Past multer's field limit the body is not even read to the end.
      const huge = await upload(JPEG, { kind: 'BUSINESS_PHOTO', note: 'x'.repeat(5000) }).expect(400);
      expect(huge.body.errors).toEqual([expect.objectContaining({ field: 'note', code: 'FIELD_TOO_LONG' })]);
      const extra = await upload(JPEG, { kind: 'BUSINESS_PHOTO' }).field('nik', '3526014101900001').expect(400);
      expect(extra.body.errors).toEqual([expect.objectContaining({ field: 'nik', code: 'UNKNOWN_FIELD' })]);
    });

    it('refuses a file under another field name, or two files, naming the field', async () => {
      const rows = await documentRows();
      const files = await storedFiles();
      const elsewhere = await t
        .http()
        .post(`/api/borrowers/${borrowerId}/documents`)
        .set(auth(officer.token))
        .field('kind', 'KTP')
        .attach('document', PNG, { filename: 'ktp.png', contentType: 'image/png' })
        .expect(400);
      expect(elsewhere.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'document', code: 'UNEXPECTED_FILE' })] });
      const two = await upload(PNG, { kind: 'KTP' }).attach('file', JPEG, { filename: 'b.jpg', contentType: 'image/jpeg' }).expect(400);
      expect(two.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'file', code: 'UNEXPECTED_FILE' })] });
      await expectNothingStored(rows, files);
    });

    it('answers a broken multipart body with 400 MALFORMED_MULTIPART and a non-form multipart with 415, never a 500', async () => {
      const res = await t
        .http()
        .post(`/api/borrowers/${borrowerId}/documents`)
        .set(auth(officer.token))
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send('--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nKTP\r\n--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG')
        .expect(400);
      expect(res.body.code).toBe('MALFORMED_MULTIPART');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const post = () => t.http().post(`/api/borrowers/${borrowerId}/documents`).set(auth(officer.token));
      const noBoundary = await post().set('Content-Type', 'multipart/form-data').send('kind=KTP').expect(400);
      expect(noBoundary.body.code).toBe('MALFORMED_MULTIPART');
      const mixed = await post().set('Content-Type', 'multipart/mixed; boundary=xyz').send('--xyz--').expect(415);
      expect(mixed.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers 404 for an unknown borrower and stores nothing', async () => {
      const rows = await documentRows();
      const files = await storedFiles();
      const res = await upload(PNG, { kind: 'KTP', borrower: randomUUID() }).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await expectNothingStored(rows, files);
    });

    it('answers 400 naming `id` for a borrower id that is not a UUID', async () => {
      const res = await upload(PNG, { kind: 'KTP', borrower: 'not-a-uuid' }).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'id' })] });
    });

    it('writes the row and its audit row together, with the uploader and the request id', async () => {
      const res = await upload(PDF, { kind: 'KK', contentType: 'application/pdf' }).set('X-Request-Id', 'req-doc-upload-1').expect(201);
      const rows = await auditRows('BORROWER_DOCUMENT_UPLOADED', res.body.id);
      expect(rows).toEqual([expect.objectContaining({ actor_id: officer.id, request_id: 'req-doc-upload-1' })]);
      expect(rows[0].after).toMatchObject({ borrowerId, kind: 'KK', contentType: 'application/pdf', sha256: sha256(PDF) });
      expect(JSON.stringify(rows[0].after)).not.toContain('storage');
    });

    it('removes the stored file when the database refuses the row: no file without a row', async () => {
      await ds.query(`
        CREATE FUNCTION test_refuse_document() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.note = 'refuse me' THEN RAISE EXCEPTION 'refused by the test'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_document BEFORE INSERT ON borrower_document FOR EACH ROW EXECUTE FUNCTION test_refuse_document();`);
      try {
        const rows = await documentRows();
        const files = await storedFiles();
        const res = await upload(PNG, { kind: 'KTP', note: 'refuse me' }).expect(500);
        expect(res.body.code).toBe('INTERNAL_ERROR');
        await expectNothingStored(rows, files);
      } finally {
        await ds.query(`DROP TRIGGER test_refuse_document ON borrower_document; DROP FUNCTION test_refuse_document();`);
      }
    });
  });

  describe('who may upload', () => {
    it('lets an admin upload', async () => {
      const res = await upload(PNG, { kind: 'KTP', token: t.adminToken }).expect(201);
      expect(res.body.kind).toBe('KTP');
    });

    it.each([
      ['a borrower user (even for their own record)', () => borrowerUser.token],
      ['finance', () => finance.token],
      ['an approver', () => approver.token],
    ])('refuses %s with 403 FORBIDDEN', async (_, token) => {
      const rows = await documentRows();
      const res = await upload(PNG, { kind: 'KTP', token: token() }).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(await documentRows()).toBe(rows);
    });

    it('checks the token and the role before reading the body: 401 and 403 even for a 6 MB upload', async () => {
      const big = sized(PNG, 6 * 1024 * 1024);
      const anonymous = await t.http().post(`/api/borrowers/${borrowerId}/documents`).field('kind', 'KTP').attach('file', big, 'ktp.png').expect(401);
      expect(anonymous.body.code).toBe('UNAUTHENTICATED');
      const res = await upload(big, { kind: 'KTP', token: finance.token }).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });
  });

  describe('download', () => {
    it('returns the upload byte for byte, as an attachment that is not sniffed or cached', async () => {
      for (const [file, type] of [
        [PNG, 'image/png'],
        [JPEG, 'image/jpeg'],
        [PDF, 'application/pdf'],
      ] as const) {
        const { body } = await upload(file, { kind: 'KTP' }).expect(201);
        const res = await download(body.id).expect(200);
        expect(Buffer.compare(res.body as Buffer, file)).toBe(0);
        expect(res.headers['content-type']).toBe(type);
        expect(res.headers['content-length']).toBe(String(file.length));
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ktp-[0-9a-f-]{36}\.(png|jpg|pdf)"$/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    it('round-trips a 5 MB file exactly', async () => {
      const file = sized(JPEG, MAX);
      file.fill(0xab, JPEG.length);
      const { body } = await upload(file, { kind: 'BUSINESS_PHOTO' }).expect(201);
      const res = await download(body.id).expect(200);
      expect(sha256(res.body as Buffer)).toBe(sha256(file));
    });

    it('keeps only ciphertext on disk: not the plaintext, nor its signature', async () => {
      const marker = Buffer.from('%PDF-1.4 NIK 3526014101900001 SITI AMINAH');
      const file = Buffer.concat([marker, PDF.subarray(8)]);
      const { body } = await upload(file, { kind: 'KTP' }).expect(201);
      const onDisk = await readFile(await storagePath(body.id));
      expect(onDisk.includes(marker)).toBe(false);
      expect(onDisk.includes(Buffer.from('3526014101900001'))).toBe(false);
      expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
      expect(onDisk.toString('latin1')).toMatch(/^v1:/);
    });

    it('writes an audit row for every download, with the reader', async () => {
      const { body } = await upload(PNG, { kind: 'KTP' }).expect(201);
      await download(body.id, finance.token).expect(200);
      await download(body.id, approver.token).expect(200);
      await download(body.id, t.adminToken).set('X-Request-Id', 'req-doc-read-3').expect(200);
      const rows = await auditRows('BORROWER_DOCUMENT_READ', body.id);
      expect(rows.map((r: { actor_id: string }) => r.actor_id)).toEqual([finance.id, approver.id, expect.any(String)]);
      expect(rows[2].request_id).toBe('req-doc-read-3');
      expect(rows[0].after).toEqual({ borrowerId, kind: 'KTP', sha256: sha256(PNG) });
    });

    it('never serves a borrower user, not even their own document', async () => {
      const { body } = await upload(PNG, { kind: 'KTP' }).expect(201);
      const res = await download(body.id, borrowerUser.token).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect(await auditRows('BORROWER_DOCUMENT_READ', body.id)).toEqual([]);
    });

    it("answers 404 for a document of another borrower, an unknown one, or a withdrawn one; 400 for a non-UUID", async () => {
      const { body } = await upload(PNG, { kind: 'KTP' }).expect(201);
      const other = await insertBorrower(ds);
      const res = await download(body.id, officer.token, other).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await download(randomUUID()).expect(404);
      await download(body.id, officer.token, randomUUID()).expect(404);
      const bad = await download('nope').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'documentId' })]);
      await ds.query(`UPDATE borrower_document SET deleted_at = now() WHERE id = $1`, [body.id]);
      await download(body.id).expect(404);
      expect(await auditRows('BORROWER_DOCUMENT_READ', body.id)).toEqual([]);
    });
  });

  describe('integrity', () => {
    const expectIntegrityAlarm = async (documentId: string) => {
      const res = await download(documentId).expect(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 500, code: 'DOCUMENT_INTEGRITY_FAILED', requestId: expect.any(String) });
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(await auditRows('BORROWER_DOCUMENT_READ', documentId)).toEqual([]);
      const alarms = await auditRows('BORROWER_DOCUMENT_INTEGRITY_FAILED', documentId);
      expect(alarms).toEqual([expect.objectContaining({ actor_id: officer.id })]);
      return alarms[0].after.reason as string;
    };

    it('refuses to serve a stored file that was altered on disk', async () => {
      const { body } = await upload(PNG, { kind: 'KTP' }).expect(201);
      const path = await storagePath(body.id);
      const stored = await readFile(path);
      const i = stored.length - 5;
      stored[i] = stored[i] === 0x41 ? 0x42 : 0x41; // still valid base64, different bytes
      await writeFile(path, stored);
      expect(await expectIntegrityAlarm(body.id)).toMatch(/does not decrypt/);
    });

    it('refuses a file moved under another document: the ciphertext is bound to its row', async () => {
      const a = (await upload(PNG, { kind: 'KTP' }).expect(201)).body;
      const b = (await upload(JPEG, { kind: 'KTP' }).expect(201)).body;
      await writeFile(await storagePath(b.id), await readFile(await storagePath(a.id)));
      expect(await expectIntegrityAlarm(b.id)).toMatch(/does not decrypt/);
      await download(a.id).expect(200);
    });

    it('refuses a file whose recorded SHA-256 no longer matches', async () => {
      const { body } = await upload(PDF, { kind: 'KK' }).expect(201);
      await ds.query(`UPDATE borrower_document SET sha256 = $2 WHERE id = $1`, [body.id, sha256(Buffer.from('something else'))]);
      expect(await expectIntegrityAlarm(body.id)).toMatch(/SHA-256/);
    });

    it('raises the alarm for a stored file that is gone', async () => {
      const { body } = await upload(PDF, { kind: 'KK' }).expect(201);
      await rm(await storagePath(body.id));
      expect(await expectIntegrityAlarm(body.id)).toMatch(/missing/);
    });
  });

  describe('list', () => {
    let listed: string;
    const list = (query: Record<string, string | number> = {}, token = officer.token, borrower = listed) =>
      t.http().get(`/api/borrowers/${borrower}/documents`).query(query).set(auth(token));

    beforeAll(async () => {
      listed = await insertBorrower(ds);
    });

    it('lists metadata only, newest first, page by page', async () => {
      const uploaded: string[] = [];
      for (const [file, kind] of [
        [PNG, 'KTP'],
        [JPEG, 'BUSINESS_PHOTO'],
        [PDF, 'NIB_CERTIFICATE'],
        [PDF, 'KK'],
        [JPEG, 'BUSINESS_PHOTO'],
      ] as const)
        uploaded.push((await upload(file, { kind, borrower: listed }).expect(201)).body.id);
      const all = await list().expect(200);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items.map((d: { id: string }) => d.id)).toEqual([...uploaded].reverse());
      expect(Object.keys(all.body.items[0]).sort()).toEqual(['borrowerId', 'contentType', 'id', 'kind', 'note', 'sha256', 'sizeBytes', 'uploadedAt', 'uploadedBy']);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(cursor ? { limit: 2, cursor } : { limit: 2 }).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((d: { id: string }) => d.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([...uploaded].reverse());

      const photos = await list({ kind: 'BUSINESS_PHOTO' }).expect(200);
      expect(photos.body.items.map((d: { id: string }) => d.id)).toEqual([uploaded[4], uploaded[1]]);

      await ds.query(`UPDATE borrower_document SET deleted_at = now() WHERE id = $1`, [uploaded[0]]);
      const afterWithdrawal = await list().expect(200);
      expect(afterWithdrawal.body.items.map((d: { id: string }) => d.id)).not.toContain(uploaded[0]);
    });

    it('is open to every staff role and closed to borrowers', async () => {
      await list({}, finance.token).expect(200);
      await list({}, approver.token).expect(200);
      await list({}, t.adminToken).expect(200);
      const res = await list({}, borrowerUser.token).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });

    it('answers 404 for an unknown borrower and 400 for a bad id, kind, limit or cursor', async () => {
      await list({}, officer.token, randomUUID()).expect(404);
      await list({}, officer.token, 'x').expect(400);
      const kind = await list({ kind: 'SELFIE' }).expect(400);
      expect(kind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
      await list({ limit: 501 }).expect(400);
      const forged = Buffer.from(JSON.stringify({ k: 'yesterday', id: randomUUID() })).toString('base64url');
      const cursor = await list({ cursor: forged }).expect(400);
      expect(cursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'INVALID_CURSOR' })]);
    });
  });
});
