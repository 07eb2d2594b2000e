import { defineCarpetaMfe } from '@carpeta/sdk/vite';

// The alerts centre (/alerts, signed-in citizens): preferences, verified contact points, the
// record of changes and the alerts kept in the portal.
export default defineCarpetaMfe({
  name: 'alerts',
  exposes: { './lifecycles': './src/lifecycles.tsx' },
});
