export { catalogueRoutes, operationsModule, labelsModule, CONTENT_SECURITY_POLICY, PUBLIC_DIR, type RouteHandler } from './catalogueRoutes';
export { createWebServer, type WebServer, type WebServerOptions } from './createWebServer';
export { main } from './main';
