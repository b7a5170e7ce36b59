import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyHtmlPage } from './html-page.ts';
import { sniffResource } from './sniff-resource.ts';

const LANDING = `<!DOCTYPE html>
<html lang="zh-Hant"><head><meta charset="utf-8"><title>臺北市公有停車場資訊 - 資料下載</title></head>
<body><nav><a href="/">首頁</a><a href="/login">登入</a></nav>
<h1>臺北市公有停車場資訊</h1>
<ul>
  <li><a href="/files/parking.csv">CSV 下載</a></li>
  <li><a href="/files/parking.json?v=2">JSON 下載</a></li>
  <li><a href="/api/export?format=xlsx">Excel</a></li>
  <li><a href="/about">說明</a></li>
</ul></body></html>`;

const LOGIN = `<html><head><title>會員登入</title></head><body>
<form action="/session" method="post"><label>帳號 <input name="user"></label>
<label>密碼 <input type="password" name="pw"></label><button>登入</button></form></body></html>`;

const NOT_FOUND = `<!doctype html><html><head><title>404 Not Found</title></head>
<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'odp-sniff-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('classifyHtmlPage', () => {
  it('a download (landing) page links to files', () => {
    const page = classifyHtmlPage(LANDING);
    expect(page).toMatchObject({
      kind: 'landing',
      title: '臺北市公有停車場資訊 - 資料下載',
      fileLinks: 3,
      links: 6,
      forms: 0,
    });
    expect(page.fileLinkSamples).toEqual([
      '/files/parking.csv',
      '/files/parking.json?v=2',
      '/api/export?format=xlsx',
    ]);
    expect(page.headings).toEqual(['臺北市公有停車場資訊']);
  });

  it('a login page has a password input or login words in its title or form', () => {
    const page = classifyHtmlPage(LOGIN);
    expect(page).toMatchObject({ kind: 'login', passwordInputs: 1, forms: 1 });
    expect(page.loginWords).toEqual(expect.arrayContaining(['登入', '帳號', '密碼']));
    const sso = classifyHtmlPage(
      '<html><head><title>Sign in - 單一簽入</title></head><body><a href="/x.csv">x</a></body></html>',
    );
    expect(sso.kind).toBe('login');
  });

  it('an error page says so in its title, headings or short body', () => {
    expect(classifyHtmlPage(NOT_FOUND)).toMatchObject({ kind: 'error', errorWords: ['404', 'Not Found'] });
    expect(classifyHtmlPage('<html><body><h2>系統錯誤，請稍後再試</h2></body></html>').kind).toBe('error');
    expect(classifyHtmlPage('<html><body><p>您要的頁面找不到了</p></body></html>').kind).toBe('error');
    expect(
      classifyHtmlPage('<html><head><title>錯誤</title></head><body><a href="a.csv">a</a></body></html>')
        .kind,
    ).toBe('error');
  });

  it('a number like 404 in a long page body is not an error', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<tr><td>${i}</td><td>共 404 筆</td></tr>`).join('');
    const page = classifyHtmlPage(
      `<html><head><title>統計</title></head><body><table>${rows}</table></body></html>`,
    );
    expect(page).toMatchObject({ kind: 'other', tables: 1, errorWords: [] });
  });
});

describe('sniffResource: HTML served in place of data', () => {
  it.each([
    ['landing', LANDING],
    ['login', LOGIN],
    ['error', NOT_FOUND],
  ])('a %s page is HTML, not structured', async (kind, html) => {
    const path = join(dir, `${kind}.csv`);
    writeFileSync(path, html);
    const r = await sniffResource(path, { fileName: 'data.csv', contentType: 'text/csv' });
    expect(r).toMatchObject({ format: 'HTML', structured: false, tabular: false, htmlPage: { kind } });
    expect(r.reason).toContain(`${kind} page`);
  });

  it('reads the meta charset as the encoding the page declares', async () => {
    const path = join(dir, 'page.html');
    writeFileSync(path, LANDING);
    expect((await sniffResource(path)).encoding).toMatchObject({ name: 'utf-8', declaredInFile: 'utf-8' });
  });

  it('an XHTML page with an XML declaration is HTML', async () => {
    const path = join(dir, 'x.html');
    writeFileSync(
      path,
      '<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
    );
    expect((await sniffResource(path)).format).toBe('HTML');
  });
});
