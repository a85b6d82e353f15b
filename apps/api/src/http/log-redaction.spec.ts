import { redactRequest, redactUrl } from './log-redaction.js';

describe('log redaction of personal query values', () => {
  it('hides nik, kk, phone and email values in the URL, keeping everything else as sent', () => {
    expect(redactUrl('/api/borrowers?nik=3526011203900001&limit=5')).toBe('/api/borrowers?nik=[Redacted]&limit=5');
    expect(redactUrl('/api/borrowers?limit=5&NIK=3526011203900001')).toBe('/api/borrowers?limit=5&NIK=[Redacted]');
    expect(redactUrl('/api/x?%6Eik=3526011203900001&kk=1&phone=0812&email=a%40b.id')).toBe(
      '/api/x?%6Eik=[Redacted]&kk=[Redacted]&phone=[Redacted]&email=[Redacted]',
    );
    expect(redactUrl('/api/borrowers?nik')).toBe('/api/borrowers?nik=[Redacted]');
    expect(redactUrl('/api/loans?status=ACTIVE')).toBe('/api/loans?status=ACTIVE');
    expect(redactUrl('/api/loans')).toBe('/api/loans');
    expect(redactUrl('/api/x?%E0%A4%A=1&nik=3526')).toBe('/api/x?%E0%A4%A=1&nik=[Redacted]');
  });

  it('hides the same keys in the parsed query, and does not touch the original object', () => {
    const query = { nik: '3526011203900001', limit: '5' };
    const out = redactRequest({ method: 'GET', url: '/api/borrowers?nik=3526011203900001&limit=5', query });
    expect(out).toEqual({ method: 'GET', url: '/api/borrowers?nik=[Redacted]&limit=5', query: { nik: '[Redacted]', limit: '5' } });
    expect(query.nik).toBe('3526011203900001');
  });
});
