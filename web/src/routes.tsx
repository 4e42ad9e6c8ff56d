// Every page of the front end, one line each. `nav` puts it in the main
// navigation; `roles` limits it (absent: everyone). Pages other than the
// directory load lazily, in their own chunks.
import { lazy, type ComponentType } from 'react';
import { t } from './i18n/de';
import { CASE_ROLES, type Role } from './auth';
import Directory from './pages/Directory';
import SignIn from './pages/SignIn';

export interface RouteDef {
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
  nav?: string;
  roles?: Role[];
}

export const routes: RouteDef[] = [
  { path: '/', component: Directory, nav: t.nav.directory },
  { path: '/angebote/:id', component: lazy(() => import('./pages/OfferPage')) },
  { path: '/beratung', component: lazy(() => import('./pages/Desk')), nav: t.nav.desk, roles: CASE_ROLES },
  { path: '/zettel', component: lazy(() => import('./pages/Slip')) },
  { path: '/traeger', component: lazy(() => import('./pages/Partner')), nav: t.nav.partner, roles: ['PARTNER'] },
  { path: '/vermittlungen', component: lazy(() => import('./pages/Referrals')), nav: t.referrals.nav, roles: ['CASE_MANAGER', 'PARTNER'] },
  { path: '/graphiql', component: lazy(() => import('./graphiql/GraphiQLPage')), nav: t.nav.graphiql },
  { path: '/anmelden', component: SignIn },
  { path: '/steering', component: lazy(() => import('./steering/SteeringPage')), nav: 'Steuerung', roles: ['STEERING', 'ADMIN'] },
];
