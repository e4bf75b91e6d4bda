// Everything runs in the browser: the shell is prerendered, data never touches a server.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'always';
