export { catalogueRoutes, operationsModule, labelsModule, departementsModule, departementShapes, MAP_SOURCE, CONTENT_SECURITY_POLICY, PUBLIC_DIR, type RouteHandler } from './catalogueRoutes';
export { createWebServer, type WebServer, type WebServerOptions } from './createWebServer';
export { main } from './main';
