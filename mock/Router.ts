import type { Route } from './Route.ts';

export type RouteMatch =
  { readonly kind: 'found'; readonly route: Route; readonly rawParams: readonly string[] } | { readonly kind: 'method-not-allowed'; readonly allow: string } | { readonly kind: 'none' };

/** Matches a method and path against routes compiled once from the operations' path templates. */
export class Router {
  private readonly routes: readonly Route[];

  constructor(routes: readonly Route[]) {
    this.routes = routes;
  }

  match(method: string, pathname: string): RouteMatch {
    let allow: string[] | undefined;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      if (route.method === method) return { kind: 'found', route, rawParams: m.slice(1) };
      (allow ??= []).push(route.method);
    }
    return allow ? { kind: 'method-not-allowed', allow: allow.join(', ') } : { kind: 'none' };
  }
}
