import type { SessionCookie } from '../auth/auth.decorators.js';
import { QUEUE_BOARD_PATH } from '#notifications';

/**
 * The queue dashboard is a page of its own whose asset and API requests a browser makes without the app's
 * bearer header, so an admin opens it with a short-lived cookie: HttpOnly (no script reads it), SameSite=Strict
 * (no other site can ride on it), sent only below the dashboard's path, and good for nothing else.
 */
export const QUEUE_BOARD_COOKIE: SessionCookie = { name: 'lumbung_queue_board', audience: 'queue-board', path: QUEUE_BOARD_PATH };
