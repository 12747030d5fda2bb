/** Test helpers for the relations API: multipart uploads and binary downloads with the logged-in client. */
import crypto from 'node:crypto';
import type { ApiClient } from '../helpers.ts';
import type { App } from '../../src/server/http.ts';

export function multipartBody(file: { name: string; content: Buffer | string; type?: string }, fields: Record<string, string> = {}) {
  const boundary = `----argonaut${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(client: ApiClient, url: string, file: { name: string; content: Buffer | string }, fields: Record<string, string> = {}) {
  const { payload, contentType } = multipartBody(file, fields);
  return client.request('POST', url, payload, { 'content-type': contentType });
}

/** GET a binary response (export, PDF) as a Buffer. */
export async function download(app: App, client: ApiClient, url: string) {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (client.token) headers.authorization = `Bearer ${client.token}`;
  if (client.language) headers['x-language'] = client.language;
  const res = await app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.rawPayload, headers: res.headers, json: () => res.json() };
}
