// @bibia/admin: the publisher's back-office a registry serves at /admin. The registry mounts
// `adminPaths()` (from the light `@bibia/admin/paths`) and loads this module on first use.
export { createAdmin, type Admin, type AdminOptions, type SessionCaller } from './createAdmin';
export { createSessionStore, DEFAULT_SESSION_IDLE_MS, DEFAULT_SESSION_MAX_MS, type SessionStore, type SessionStoreOptions } from './sessions';
export { CSRF_HEADER, SESSION_COOKIE } from './httpHelpers';
export { CONTENT_SECURITY_POLICY } from './staticFiles';
export { ADMIN_PREFIX, API_PATHS, adminPaths, lazyAdmin, type MountedAdmin } from './paths';
