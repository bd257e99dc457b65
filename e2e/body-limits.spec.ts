import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { expect, seededIds, storageStateOf, test } from './fixtures';

/**
 * Bodies are bounded before anything reads them (issue 16): 64 KB without a session, 1 MB with
 * one, and files only on the upload routes, streamed to disk under UPLOAD_MAX_MB (20 MB here).
 */

/** The resident memory of the process listening on the port, in MB. */
function serverRssMb(port: number): number {
  const line = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(line)?.[1];
  expect(pid, `no process listens on ${port}`).toBeTruthy();
  const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(rss) / 1024;
}

/** POSTs `mb` MB with `Transfer-Encoding: chunked` (no declared length): the status and body it got. */
function chunkedPost(url: URL, mb: number, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => (text += part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < mb * 1024 * 1024) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      request.end();
    };
    pump();
  });
}

test('four chunked 50 MB posts to the sign-in page are refused with 413, and the server stays at its size', async ({ baseURL }) => {
  const url = new URL('/login', baseURL);
  const before = serverRssMb(Number(url.port));
  // A sign-in form's server action, as the attack sent it.
  const headers = { 'Next-Action': '7f'.repeat(20), 'Content-Type': 'text/plain;charset=UTF-8' };
  const answers = await Promise.all([1, 2, 3, 4].map(() => chunkedPost(url, 50, headers)));
  for (const answer of answers) expect(answer).toEqual({ status: 413, text: '请求内容超过 64 KB 的上限，未处理。' });
  const after = serverRssMb(Number(url.port));
  // 200 MB went in; buffering even one body whole would show here.
  expect(after - before, `RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB`).toBeLessThan(40);
  // Sign-in itself still works.
  expect((await fetch(new URL('/api/health', baseURL))).status).toBe(200);
});

test.describe('evidence files as a department head', () => {
  test.use({ storageState: storageStateOf('dept-emergency') });

  test('a 50 MB evidence file is refused with 413 naming 20 MB, declared or chunked; a small one gets a receipt', async ({ page, baseURL }) => {
    const { emergencyTaskId } = seededIds();
    const route = `/api/uploads/tasks/${emergencyTaskId}/evidence`;
    const name = { 'X-File-Name': encodeURIComponent('现场录像.pdf'), 'Content-Type': 'application/pdf' };
    const declared = await page.request.post(route, { data: Buffer.alloc(50 * 1024 * 1024, 0x25), headers: name });
    expect(declared.status()).toBe(413);
    expect(((await declared.json()) as { fieldErrors: { files: string[] } }).fieldErrors.files).toEqual(['文件不能超过 20 MB。']);

    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const chunked = await chunkedPost(new URL(route, baseURL), 50, { ...name, cookie });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.text)).toMatchObject({ fieldErrors: { files: ['文件不能超过 20 MB。'] } });

    const small = await page.request.post(route, { data: Buffer.from('%PDF-1.7\n% 排查台账\n%%EOF\n'), headers: { ...name, 'X-File-Name': encodeURIComponent('排查台账.pdf') } });
    expect(small.status()).toBe(201);
    expect(await small.json()).toMatchObject({ fileName: '排查台账.pdf', mediaType: 'application/pdf', receipt: expect.stringContaining('.') });
  });

  test('without a session the upload route answers 401 and reads nothing', async ({ baseURL }) => {
    const { emergencyTaskId } = seededIds();
    const answer = await chunkedPost(new URL(`/api/uploads/tasks/${emergencyTaskId}/evidence`, baseURL), 5, { 'X-File-Name': 'a.pdf' });
    expect(answer.status).toBe(401);
  });
});
