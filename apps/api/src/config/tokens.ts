/** Injection tokens for values resolved before Nest starts. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const SECRET_KEY = Symbol('SECRET_KEY');
