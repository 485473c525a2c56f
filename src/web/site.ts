/**
 * Installation-wide facts every page shows. Set once when the app is built; `demo` is true when the database holds
 * synthetic demo data, so that no one mistakes it for real figures or people.
 */
export const site = { demo: false };
