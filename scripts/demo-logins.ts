// The demo users that `npm run seed:demo` creates and `npm start` prints. Local use only.
export interface DemoLogin {
  username: string;
  password: string;
  fullName: string;
  roles: string[];
  /** For a borrower login: the key of the demo borrower (scripts/seed-demo.ts DEMO_BORROWERS) it may see. */
  borrower?: string;
}

export const DEFAULT_ADMIN_USERNAME = 'admin';
export const DEFAULT_ADMIN_PASSWORD = 'lumbung-admin';

export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'petugas', password: 'petugas-demo', fullName: 'Siti Aminah (Petugas)', roles: ['loan_officer'] },
  { username: 'penyetuju', password: 'penyetuju-demo', fullName: 'H. Moh. Rofi (Komite)', roles: ['approver'] },
  { username: 'penyetuju2', password: 'penyetuju2-demo', fullName: 'Dra. Nur Laila (Komite)', roles: ['approver'] },
  { username: 'bendahara', password: 'bendahara-demo', fullName: 'Agus Salim (Bendahara)', roles: ['finance'] },
  { username: 'bendahara2', password: 'bendahara2-demo', fullName: 'Rina Wulandari (Keuangan)', roles: ['finance'] },
  { username: 'peminjam', password: 'peminjam-demo', fullName: 'Hj. Maimunah (Peminjam)', roles: ['borrower'], borrower: 'maimunah' },
];

export function adminLogin(env: NodeJS.ProcessEnv = process.env): DemoLogin {
  return {
    username: env.ADMIN_USERNAME || DEFAULT_ADMIN_USERNAME,
    password: env.ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD,
    fullName: 'Administrator',
    roles: ['admin'],
  };
}
