/**
 * Credentials out of logged URLs and messages. The console refuses tokens in a URL, but a refused request is still
 * logged, and OIDC callbacks carry `code`: values of credential-named query parameters and anything shaped like a
 * console token (`wht_…`, also percent-encoded, anywhere incl. the path) become `[redacted]`.
 */
export const REDACTED = '[redacted]';

const SECRET_PARAMS = new Set(['token', 'access_token', 'id_token', 'refresh_token', 'code', 'password', 'secret', 'client_secret']);
const CONSOLE_TOKEN = /wht(?:_|%5f)[A-Za-z0-9_%-]*/gi;
/** The same parameters inside free text (an error message quoting a URL). */
const SECRET_PARAM_IN_TEXT = new RegExp(`([?&;](?:${[...SECRET_PARAMS].join('|')})=)[^&#;\\s"'<>]*`, 'gi');

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(CONSOLE_TOKEN, REDACTED);
  if (q < 0) return path;
  const pairs = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      // Names are compared as the server reads them: percent-decoded, `+` as space, any case.
      if (eq >= 0 && SECRET_PARAMS.has(decodedName(pair.slice(0, eq)))) return `${pair.slice(0, eq)}=${REDACTED}`;
      return pair.replace(CONSOLE_TOKEN, REDACTED);
    });
  return `${path}?${pairs.join('&')}`;
}

export function redactCredentials(text: string): string {
  return text.replace(CONSOLE_TOKEN, REDACTED).replace(SECRET_PARAM_IN_TEXT, `$1${REDACTED}`);
}

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).trim().toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}
