// multer's refusals, as FileInterceptor hands them over, become this api's problems.
import { DocumentTooLargeError } from '#intake';
import { DomainError, ValidationError } from '#platform';
import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { uploadProblem } from './document-upload.interceptor.js';

/** What @nestjs/platform-express makes of a MulterError: the HTTP exception, the MulterError as its cause. */
const multerError = (code: string, field?: string) =>
  new BadRequestException(`multer says ${code}`, { cause: Object.assign(new Error(code), { code, field }) });

describe('uploadProblem', () => {
  it('turns the file size limit into DOCUMENT_TOO_LARGE', () => {
    const err = uploadProblem(new PayloadTooLargeException('File too large'));
    expect(err).toBeInstanceOf(DocumentTooLargeError);
    expect(err).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', extensions: { maxBytes: 5 * 1024 * 1024 } });
  });

  it.each([
    ['LIMIT_UNEXPECTED_FILE', 'photo', 'photo', 'UNEXPECTED_FILE'],
    ['LIMIT_UNEXPECTED_FILE', 'file', 'file', 'UNEXPECTED_FILE'],
    ['LIMIT_FILE_COUNT', undefined, 'file', 'UNEXPECTED_FILE'],
    ['LIMIT_FIELD_VALUE', 'note', 'note', 'FIELD_TOO_LONG'],
    ['LIMIT_FIELD_KEY', 'x'.repeat(20), 'x'.repeat(20), 'FIELD_NAME_TOO_LONG'],
  ])('turns %s on %s into VALIDATION_FAILED naming %s', (code, field, named, violation) => {
    const err = uploadProblem(multerError(code, field));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual([{ field: named, code: violation, message: expect.any(String) }]);
  });

  it.each(['LIMIT_FIELD_COUNT', 'LIMIT_PART_COUNT', 'LIMIT_FIELD_NESTING'])('turns %s into MALFORMED_MULTIPART', (code) => {
    const err = uploadProblem(multerError(code));
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ kind: 'VALIDATION', code: 'MALFORMED_MULTIPART', message: expect.stringContaining(`multer says ${code}`) });
  });

  it("turns busboy's complaints about a broken body into MALFORMED_MULTIPART", () => {
    const err = uploadProblem(new BadRequestException('Multipart: Unexpected end of form'));
    expect(err).toMatchObject({ kind: 'VALIDATION', code: 'MALFORMED_MULTIPART', message: 'The multipart body could not be read: Multipart: Unexpected end of form' });
  });

  it('leaves other errors to the global filter', () => {
    const unsupported = new UnsupportedMediaTypeException('Unsupported content type');
    const bug = new Error('disk on fire');
    expect(uploadProblem(unsupported)).toBe(unsupported);
    expect(uploadProblem(bug)).toBe(bug);
  });
});
