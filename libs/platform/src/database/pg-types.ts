// pg would turn a `date` into a JS Date at local midnight, which shifts a WIB (UTC+7) date by a day
// when serialised: keep calendar dates as the 'YYYY-MM-DD' strings they are.
import pg from 'pg';

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);
