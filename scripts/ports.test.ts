import { describe, expect, it } from 'vitest';
import { assertPortsUsableByBrowsers } from './lib/processes.ts';
import { topology } from './lib/topology.ts';

describe('ports browsers refuse', () => {
  it('are named before anything starts, with a base that works', async () => {
    await expect(assertPortsUsableByBrowsers([6000, 6666, 40123])).rejects.toThrow(
      /Port\(s\) 6000, 6666 are refused by browsers and fetch.*CARPETA_PORT_BASE=5000/,
    );
  });

  it('include CARPETA_PORT_BASE=6000, which a new agency developer tried', async () => {
    const topo = topology(6000);
    await expect(
      assertPortsUsableByBrowsers([topo.gatewayPort, ...topo.mfes.map((mfe) => mfe.port)]),
    ).rejects.toThrow(/6000/);
  });

  it('leave the default ports alone, free or in use', async () => {
    const topo = topology(4000);
    await expect(
      assertPortsUsableByBrowsers([topo.gatewayPort, topo.idpPort, ...topo.mfes.map((mfe) => mfe.port)]),
    ).resolves.toBeUndefined();
  });
});
