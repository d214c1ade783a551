// Writes src/app/antd-styles.generated.css: antd's styles for the components of the console's first screens (the
// shell, a resource list, the sign-in page), built ahead with the console's theme. antd otherwise generates them
// in the browser on first render (CSS-in-JS: ~350 ms of a warm list load on 2 cores, measured in bench/ S4). The
// file carries antd's cache marker, so those components find their styles present and generate nothing; any other
// component still styles itself at runtime. Class hashes depend on antd's version, not on the theme: one file
// serves light and dark (the theme's colours are CSS variables antd sets at runtime). In `next dev` antd uses
// other hashes, so nothing matches and everything is generated at runtime, as before.
import { readFileSync, writeFileSync } from 'node:fs';

// The production hashes (`css-…`), which are the ones `next build` output uses: set before antd is loaded.
process.env.NODE_ENV = 'production';
const { extractStyle } = await import('@ant-design/static-style-extract');
const { ConfigProvider } = await import('antd');
const { createElement } = await import('react');
const here = (p) => new URL(p, import.meta.url);
const { token } = JSON.parse(readFileSync(here('../src/components/antd-theme.json'), 'utf8'));
const FIRST_SCREEN = [
  'Alert', 'App', 'Avatar', 'Badge', 'Button', 'Card', 'Checkbox', 'Col', 'Divider', 'Dropdown', 'Empty', 'Flex', 'Form',
  'Input', 'Layout', 'Menu', 'Modal', 'Popover', 'Result', 'Row', 'Segmented', 'Select', 'Space', 'Spin', 'Tag', 'Tooltip',
  'Typography', 'message',
];
const silence = console.warn;
console.warn = () => undefined; // deprecation notes of components rendered only to collect their styles
const css = extractStyle({ customTheme: (node) => createElement(ConfigProvider, { theme: { token } }, node), includes: FIRST_SCREEN });
console.warn = silence;
// The marker must win over the one AntdRegistry inlines for server-rendered components (a subset of these).
const marker = '.data-ant-cssinjs-cache-path{';
if (!css.includes(marker)) throw new Error('antd-styles: no cache marker in the extracted styles');
// Without the theme's variable blocks (`.css-var-<React id>{--ant-…}`): antd sets those at runtime, per theme, under
// ids of that render; ids of this render could match other elements there and pin them to the light colours.
const styles = css.replace(/\.css-var-[^{]*\{[^{}]*\}/g, '').replace(marker, `body>.data-ant-cssinjs-cache-path{`);
writeFileSync(here('../src/app/antd-styles.generated.css'), styles);
console.log(`antd-styles: ${(styles.length / 1024).toFixed(0)} KiB for ${FIRST_SCREEN.length} components`);
