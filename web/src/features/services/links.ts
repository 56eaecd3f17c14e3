/**
 * A service's public booking page: the link staff share (Instagram, the studio's own site),
 * which anyone can open without an account (app/router.tsx).
 */
export const serviceLink = (serviceId: string): string => `/book/${encodeURIComponent(serviceId)}`;

/** The same, in full: what is copied for sharing. */
export const serviceUrl = (serviceId: string, origin: string = location.origin): string => origin + serviceLink(serviceId);
