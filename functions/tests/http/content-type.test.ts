import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../src/http/local/static-files.js';

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['config.json', 'application/json; charset=utf-8'],
    ['assets/index-abc.js.map', 'application/json; charset=utf-8'],
    ['site.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['logo.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
    ['photo.JPEG', 'image/jpeg'],
    ['spinner.gif', 'image/gif'],
    ['banner.webp', 'image/webp'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff', 'font/woff'],
    ['font.woff2', 'font/woff2'],
    ['module.wasm', 'application/wasm'],
  ])('serves %s as %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });

  it('serves files of unknown or no extension as bytes', () => {
    expect(contentTypeOf('data.unknown-extension')).toBe('application/octet-stream');
    expect(contentTypeOf('LICENSE')).toBe('application/octet-stream');
  });
});
