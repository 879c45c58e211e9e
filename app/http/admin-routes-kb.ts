import express, { type Router } from 'express';
import { DomainError } from '../../core/errors.js';
import { importFaqs } from '../../core/knowledge-admin/faq-import.js';
import { faqsToCsv, faqsToJson, parseFaqCsv, parseFaqJson } from '../../knowledge/index.js';
import { parse } from '../agents/agent-schemas.js';
import type { KnowledgeAdmin } from '../compose-knowledge-admin.js';
import { actorOf } from './admin-actor.js';
import { verifyUtf8 } from './text-guard.js';
import { auditQuery, exportQuery, importQuery, synonymsBody } from './admin-schemas.js';

// The file travels as the raw body (any type but application/json, which the app parses with a small limit).
const rawFile = express.text({ type: (req) => !/^application\/json/i.test(String(req.headers['content-type'] ?? '')), limit: '10mb', verify: verifyUtf8 });

/** Bulk import/export, synonyms and the audit log. */
export function addKbRoutes(router: Router, admin: KnowledgeAdmin): void {
  router.post('/api/admin/kb/import', rawFile, async (req, res) => {
    const query = parse(importQuery, req.query);
    if (typeof req.body !== 'string' || req.body.trim() === '') {
      throw new DomainError('invalid_input', 'import without a file', { userMessage: 'Send the file as the request body (Content-Type text/csv or text/plain)' });
    }
    const format = query.format ?? (/\.csv$/i.test(query.filename ?? '') ? 'csv' : 'json');
    const parsed = format === 'csv' ? parseFaqCsv(req.body) : parseFaqJson(req.body);
    const report = await importFaqs(admin.faqs, parsed, actorOf(res), {
      dryRun: query.dryRun, replace: query.replace, source: query.filename ?? `${format} upload`,
    });
    res.json({ report });
  });

  router.get('/api/admin/kb/export', async (req, res) => {
    const { format } = parse(exportQuery, req.query);
    const entries = await admin.faqs.list();
    const stamp = new Date().toISOString().slice(0, 10);
    res.attachment(`kefu-faqs-${stamp}.${format}`);
    res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    // A BOM lets spreadsheet programs open the CSV as UTF-8 (the importer ignores it).
    res.send(format === 'csv' ? `\uFEFF${faqsToCsv(entries)}` : faqsToJson(entries));
  });

  router.get('/api/admin/synonyms', async (_req, res) => {
    res.json(await admin.synonyms.get());
  });

  router.put('/api/admin/synonyms', async (req, res) => {
    const { groups, expectedVersion } = parse(synonymsBody, req.body);
    res.json(await admin.synonyms.replace(groups, actorOf(res), expectedVersion));
  });

  router.get('/api/admin/audit', async (req, res) => {
    const { limit, before, target } = parse(auditQuery, req.query);
    res.json({ entries: await admin.faqs.auditLog({ limit, ...(before ? { before } : {}), ...(target ? { target } : {}) }) });
  });
}
