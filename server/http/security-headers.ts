import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers of every response (Hono's secureHeaders). Scripts only from this origin — no
 * `unsafe-inline`, no `eval`; MapLibre's worker may come from a blob URL. Styles allow inline
 * attributes because MapLibre and Observable Plot set element styles and Plot writes a `<style>`
 * into its SVG. Nothing may frame the app (clickjacking), and no URL leaks to other sites.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
  xContentTypeOptions: 'nosniff',
  crossOriginOpenerPolicy: 'same-origin',
  // Exports and tiles are fetched by QGIS/GDAL too; CORP "same-origin" would only matter to browsers embedding them.
  crossOriginResourcePolicy: 'same-site',
  // Served over plain HTTP on a LAN as well; HSTS belongs to the TLS-terminating proxy.
  strictTransportSecurity: false,
  permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'] },
});
