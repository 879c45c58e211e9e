import type { Server } from 'node:http';

export interface MountedRoute {
  method: string;
  /** In OpenAPI form: `/api/tickets/{id}`. */
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every route the running express app answers, read from its router stacks (routers mounted at `/`, as
 * createHttpApp mounts them). Middleware (`router.use`) is not a route and is skipped.
 */
export function mountedRoutes(server: Server): MountedRoute[] {
  const app = server.listeners('request')[0] as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = app.router?.stack ?? app._router?.stack;
  if (!stack) throw new Error('the server has no express router');
  const routes: MountedRoute[] = [];
  const visit = (layers: Layer[]) => {
    for (const layer of layers) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') routes.push({ method, path: path.replace(/:(\w+)/g, '{$1}') });
          }
        }
      } else if (layer.handle?.stack) {
        visit(layer.handle.stack);
      }
    }
  };
  visit(stack);
  return routes;
}
