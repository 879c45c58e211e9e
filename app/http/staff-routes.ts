import type { Router } from 'express';
import { z } from 'zod';
import { toUserView } from '../../core/handoff/agent-views.js';
import { ROLES } from '../../core/types.js';
import type { AuthService } from '../../core/users/auth-service.js';
import type { StaffService } from '../../core/users/staff-service.js';
import { parse } from '../agents/agent-schemas.js';
import { actorOf } from './admin-actor.js';

const newUserBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
  role: z.enum(ROLES),
  displayName: z.string().trim().min(1).max(80).optional(),
});
const roleBody = z.object({ role: z.enum(ROLES) });
const passwordBody = z.object({ password: z.string().min(1).max(200) });

/** Console accounts under /api/admin/users (the admin router's guard: admins only). */
export function addStaffRoutes(router: Router, deps: { auth: AuthService; staff: StaffService }): void {
  const { auth, staff } = deps;
  router.get('/api/admin/users', async (_req, res) => {
    res.json({ users: (await auth.listUsers()).map(toUserView) });
  });
  router.post('/api/admin/users', async (req, res) => {
    res.status(201).json({ user: toUserView(await auth.createUser(parse(newUserBody, req.body))) });
  });
  router.post('/api/admin/users/:id/disable', async (req, res) => {
    res.json({ user: toUserView(await staff.disable(actorOf(res), req.params.id)) });
  });
  router.post('/api/admin/users/:id/enable', async (req, res) => {
    res.json({ user: toUserView(await staff.enable(actorOf(res), req.params.id)) });
  });
  router.delete('/api/admin/users/:id', async (req, res) => {
    res.json({ user: toUserView(await staff.remove(actorOf(res), req.params.id)) });
  });
  router.put('/api/admin/users/:id/role', async (req, res) => {
    const { role } = parse(roleBody, req.body);
    res.json({ user: toUserView(await staff.setRole(actorOf(res), req.params.id, role)) });
  });
  router.put('/api/admin/users/:id/password', async (req, res) => {
    const { password } = parse(passwordBody, req.body);
    res.json({ user: toUserView(await staff.resetPassword(actorOf(res), req.params.id, password)) });
  });
}
